using Microsoft.Extensions.Configuration;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// The absolute address printed in reports and signs (issue 15 item 7): PublicBaseUrl only, never the request's Host
/// header (a forged Host must not end up in a QR that is printed and posted). Unset → the program's own default
/// address http://127.0.0.1:5080 (a development install; docs/reports.md).
/// </summary>
public static class PublicAddress
{
    public const string Unset = "http://127.0.0.1:5080";

    public static string Base(IConfiguration configuration) =>
        configuration["PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : Unset;
}
