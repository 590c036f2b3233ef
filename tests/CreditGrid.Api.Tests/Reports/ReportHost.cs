namespace CreditGrid.Api.Tests.Reports;

/// <summary>The real host with a configured PublicBaseUrl (the address the QR codes must carry) and the Debian font.</summary>
public class ReportHost : GridHost
{
    public const string PublicBase = "https://credit.zhangdian.example.com";

    protected override async Task<string[]> StorageArguments() => [.. await base.StorageArguments(), $"--PublicBaseUrl={PublicBase}"];
}

/// <summary>The same host pointed at a font file that does not exist: reports answer 503.</summary>
public sealed class FontlessHost : ReportHost
{
    protected override async Task<string[]> StorageArguments() =>
        [.. await base.StorageArguments(), "--Reports:FontPath=/nonexistent/no-such-font.ttf"];
}
