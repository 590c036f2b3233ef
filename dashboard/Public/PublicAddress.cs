using Microsoft.Extensions.Configuration;

namespace CreditGrid.Dashboard.Public;

/// <summary>
/// The site's public address for anything printed or scanned (the merchant QR, issue 15 item 7): the configuration key
/// <c>PublicBaseUrl</c> only, never the request's Host header (a forged Host would otherwise print a stranger's address
/// on a shop door). Unset: <see cref="Default"/>, the address the program itself listens on when "urls" is not set, so
/// a developer's QR works on the developer's machine; every deployment sets PublicBaseUrl (k8s ConfigMap).
/// </summary>
public static class PublicAddress
{
    public const string Default = "http://localhost:5080";

    public static string Of(IConfiguration configuration) =>
        (configuration["PublicBaseUrl"] is { Length: > 0 } configured ? configured : Default).TrimEnd('/');
}
