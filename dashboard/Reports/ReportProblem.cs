using Microsoft.AspNetCore.Http;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// Problem documents of the report routes (RFC 9457, as the API writes them): Chinese by default, English with
/// Accept-Language: en (the dashboard does not reference the API's problem writer).
/// </summary>
public static class ReportProblem
{
    public static IResult Of(HttpRequest request, int status, string zh, string en)
    {
        var english = request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var title = status switch
        {
            StatusCodes.Status400BadRequest => english ? "Bad request" : "请求有误",
            StatusCodes.Status404NotFound => english ? "Not found" : "未找到",
            StatusCodes.Status503ServiceUnavailable => english ? "Service temporarily unavailable" : "服务暂不可用",
            _ => english ? "Error" : "错误",
        };
        return Results.Problem(english ? en : zh, statusCode: status, title: title);
    }

    /// <summary>503 when no CJK font file is found (docs/reports.md): the report cannot be printed legibly without it.</summary>
    public static IResult NoFont(HttpRequest request) => Of(request, StatusCodes.Status503ServiceUnavailable,
        "信用报告暂不可用：服务器上未找到中文字体文件（配置项 Reports:FontPath，或安装 Debian 软件包 fonts-droid-fallback）。",
        "Credit reports are unavailable: no CJK font file was found on the server (setting Reports:FontPath, or install the Debian package fonts-droid-fallback).");

    public static IResult BadAsOf(HttpRequest request, string? asOf) => Of(request, StatusCodes.Status400BadRequest,
        $"'asOf' 应为不晚于今天的日期 YYYY-MM-DD（收到 '{asOf}'）。", $"'asOf' is a date YYYY-MM-DD not after today (got '{asOf}').");

    /// <summary>asOf: optional, YYYY-MM-DD, from 2000 up to today (a report states facts on a day that has come).</summary>
    public static bool TryAsOf(string? asOf, DateOnly today, out DateOnly? date)
    {
        date = null;
        if (asOf is null) return true;
        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            || d > today || d.Year < 2000) return false;
        date = d;
        return true;
    }
}
