using System.Net;
using System.Text;
using CreditGrid.Dashboard.Security;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Dashboard.Portal;

/// <summary>
/// The shell of every 信用张店 page (http-api "信用张店 public portal"): phone-first, Chinese, server-rendered so it works
/// without JavaScript, one stylesheet from the assembly (/credit/portal.css), no CDN. Pages pass their body as HTML
/// they have encoded with <see cref="E"/>.
/// </summary>
public static class PortalLayout
{
    /// <summary>The portal's sections, in the order of the header's navigation.</summary>
    private static readonly (string Href, string Label)[] Sections =
    [
        ("/credit", "信用查询"),
        ("/credit/lists/red", "红榜"),
        ("/credit/lists/black", "黑榜"),
        ("/credit/publicity", "双公示"),
        ("/credit/apply", "异议与修复"),
    ];

    /// <summary>HTML-encodes text for the page.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Html(string title, string body, string? current = null)
    {
        var sb = new StringBuilder(body.Length + 1500);
        sb.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(title)).Append(" - 信用张店</title>")
          .Append("<link rel=\"stylesheet\" href=\"").Append(PortalAssets.Href("/credit/portal.css")).Append("\"></head><body>")
          .Append("<header class=\"portal-head\"><a class=\"portal-brand\" href=\"/credit\">信用张店</a><nav>");
        foreach (var (href, label) in Sections)
            sb.Append("<a href=\"").Append(href).Append('"').Append(href == current ? " aria-current=\"page\"" : "").Append('>').Append(label).Append("</a>");
        sb.Append("</nav></header><main class=\"portal-main\">").Append(body)
          .Append("</main><footer class=\"portal-foot\">张店区社会信用体系建设领导小组办公室 · 区社会信用中心</footer></body></html>");
        return sb.ToString();
    }

    public static IResult Page(string title, string body, string? current = null, int status = StatusCodes.Status200OK) =>
        Results.Content(Html(title, body, current), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>A page with a heading and one paragraph (not found, refused, too many requests).</summary>
    public static IResult Message(int status, string title, string text) =>
        Page(title, $"<h1>{E(title)}</h1><p>{E(text)}</p>", status: status);
}
