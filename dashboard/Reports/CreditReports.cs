using System.Security.Cryptography;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using CreditGrid.Core.Reports;
using Microsoft.Extensions.Configuration;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// Issues credit reports (domain-rules §9 信用报告, L403, L700): reads the subject's evaluation on asOf from its grain,
/// its licences and commitments from their tables, renders the PDF, and stores the issue record with the SHA-256 of
/// the exact bytes before they are served. Report numbers are random (not guessable from another report's).
/// </summary>
public sealed class CreditReports(IGrainFactory grains, ILicenceRegistry licences, ICommitmentRegistry commitments,
    IReportIssues issues, ReportFont font, GridClock clock, IConfiguration configuration) : ICreditReports
{
    private const int Listed = 200;

    public async Task<(ReportOutcome Outcome, IssuedReport? Report)> Issue(
        SubjectKind kind, string id, DateOnly? asOf, ReportAudience audience, string? issuedBy, CancellationToken ct = default)
    {
        if (font.Pair is not { } fonts) return (ReportOutcome.NoFont, null);
        var view = kind == SubjectKind.Merchant ? await grains.Merchant(id).Read(asOf) : await grains.Records(kind, id).Read(asOf);
        if (view is null || !view.Registered) return (ReportOutcome.NoSubject, null);

        var day = view.Evaluation.AsOf;
        // §9 双公示: a licence is shown while it is valid on the report's date.
        var valid = (await licences.List(id, 1, Listed, ct)).Items
            .Where(l => l.ValidFrom <= day && (l.ValidTo is not { } to || to >= day)).ToList();
        var signed = (await commitments.List(id, 1, Listed, ct)).Items
            .Select(c => new PublicCommitmentLine(c.Kind, c.Department, c.SignedAt,
                CommitmentStatus.Of(c, view.Evaluation.Records).Status == CommitmentStatus.Breached)).ToList();

        var reportNo = NewReportNo(clock.Now);
        var issuedAt = clock.Now;
        var verifyUrl = $"{Public.PublicAddress.Of(configuration)}/credit/verify/{reportNo}";
        var blocks = ReportContent.Build(view, audience, reportNo, issuedAt, verifyUrl, valid, signed);
        var pdf = PdfWriter.Write(fonts, $"公共信用报告 {reportNo}", blocks, verifyUrl);
        var issue = new ReportIssue(reportNo, kind, id, view.Name, day, issuedAt, audience,
            Convert.ToHexStringLower(SHA256.HashData(pdf)), pdf.Length, issuedBy);
        await issues.Add(issue, ct);
        return (ReportOutcome.Issued, new IssuedReport(issue, pdf));
    }

    /// <summary>XYBG-yyyyMMdd-XXXXXXXX: the issuing day and 40 random bits in Crockford base32 (no I, L, O, U).</summary>
    public static string NewReportNo(DateTimeOffset now)
    {
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var value = BitConverter.ToUInt64(bytes);
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++, value >>= 5) chars[i] = Alphabet[(int)(value & 31)];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"XYBG-{now.UtcDateTime:yyyyMMdd}-{new string(chars)}");
    }

    /// <summary>Shaped like a report number (the verify page answers 404 for anything else without a lookup).</summary>
    public static bool IsReportNo(string? text) =>
        text is { Length: 22 } && text.StartsWith("XYBG-", StringComparison.Ordinal) && text[13] == '-'
        && text[5..13].All(char.IsAsciiDigit) && text[14..].All(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z'));
}
