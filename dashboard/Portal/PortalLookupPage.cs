using System.Text;
using CreditGrid.Core.Portal;
using CreditGrid.Dashboard.Security;
using static CreditGrid.Dashboard.Portal.PortalLayout;

namespace CreditGrid.Dashboard.Portal;

/// <summary>GET /credit: the lookup form and its results (enterprises and institutions only, domain-rules §9).</summary>
public static class PortalLookupPage
{
    public const int PageSize = 20;

    public static string Body(string? q, int page, long total, IReadOnlyList<PublicHit> items)
    {
        var h = new StringBuilder();
        h.Append("<link rel=\"stylesheet\" href=\"").Append(PortalAssets.Href("/credit/portal-lookup.css")).Append("\">")
         .Append("<h1>信用查询</h1>")
         .Append("<form class=\"lookup\" method=\"get\" action=\"/credit\" role=\"search\">")
         .Append("<label for=\"q\">企业或单位名称、统一社会信用代码</label>")
         .Append("<div class=\"lookup-row\"><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"100\" required value=\"").Append(E(q)).Append("\" placeholder=\"例如：水晶 或 91370303\">")
         .Append("<button type=\"submit\">查询</button></div></form>");
        if (string.IsNullOrEmpty(q))
        {
            h.Append("<p class=\"muted\">可查询企业（含个体工商户、示范街商户）和机关事业单位、社会组织的公共信用评价等级与有效的信用记录。自然人信用信息不对外公示。</p>");
            return h.ToString();
        }
        if (total == 0)
        {
            h.Append("<p class=\"empty\">未找到与“").Append(E(q)).Append("”相符的企业或单位。请检查名称，或输入统一社会信用代码的开头。</p>");
            return h.ToString();
        }
        h.Append("<p class=\"muted\">共找到 ").Append(total).Append(" 个主体</p><ul class=\"hits\">");
        foreach (var hit in items)
        {
            h.Append("<li class=\"card hit\"><a class=\"hit-name\" href=\"").Append(E(PortalText.Href(hit.Kind, hit.Id))).Append("\">").Append(E(hit.Name ?? hit.Id)).Append("</a>")
             .Append("<div class=\"hit-facts\"><span class=\"code\">").Append(E(hit.Id)).Append("</span>")
             .Append("<span>").Append(E(PortalText.KindLabel(hit.Kind))).Append("</span>");
            if (hit.Grade is { } g) h.Append("<span class=\"grade\">").Append(E(g)).Append(" 级 · ").Append(E(hit.Category)).Append("</span>");
            else h.Append("<span>不参与评分</span>");
            if (PortalText.ColorLabel(hit.Color) is { } c) h.Append("<span class=\"street-color c-").Append(E(hit.Color)).Append("\">示范街").Append(c).Append("</span>");
            h.Append("</div></li>");
        }
        h.Append("</ul>");
        var pages = (total + PageSize - 1) / PageSize;
        if (pages > 1)
        {
            h.Append("<nav class=\"pager\">");
            if (page > 1) h.Append("<a href=\"/credit?q=").Append(E(Uri.EscapeDataString(q))).Append("&amp;page=").Append(page - 1).Append("\">上一页</a>");
            h.Append("<span>第 ").Append(page).Append(" / ").Append(pages).Append(" 页</span>");
            if (page < pages) h.Append("<a href=\"/credit?q=").Append(E(Uri.EscapeDataString(q))).Append("&amp;page=").Append(page + 1).Append("\">下一页</a>");
            h.Append("</nav>");
        }
        return h.ToString();
    }
}
