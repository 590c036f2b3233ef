using System.Text;
using CreditGrid.Core.Portal;
using CreditGrid.Dashboard.Security;
using static CreditGrid.Dashboard.Portal.PortalLayout;

namespace CreditGrid.Dashboard.Portal;

/// <summary>GET /credit/publicity?type=licence|penalty&amp;days=30: 双公示 (domain-rules §9, L483), newest first, with 逾期报送.</summary>
public static class PortalPublicityPage
{
    public const int PageSize = 50;
    private static readonly int[] DayChoices = [7, 30, 90, 365];

    public static string Body(string type, int days, int page, long total, IReadOnlyList<PublicityItem> items)
    {
        var licence = type == "licence";
        var h = new StringBuilder();
        h.Append("<link rel=\"stylesheet\" href=\"").Append(PortalAssets.Href("/credit/portal-lookup.css")).Append("\">")
         .Append("<h1>双公示 · ").Append(licence ? "行政许可" : "行政处罚").Append("</h1>")
         .Append("<form class=\"lookup\" method=\"get\" action=\"/credit/publicity\"><div class=\"lookup-row\">")
         .Append("<select name=\"type\" aria-label=\"类别\">")
         .Append("<option value=\"licence\"").Append(licence ? " selected" : "").Append(">行政许可</option>")
         .Append("<option value=\"penalty\"").Append(licence ? "" : " selected").Append(">行政处罚</option></select>")
         .Append("<select name=\"days\" aria-label=\"时间范围\">");
        foreach (var d in DayChoices) h.Append("<option value=\"").Append(d).Append('"').Append(d == days ? " selected" : "").Append(">近 ").Append(d).Append(" 天</option>");
        if (!DayChoices.Contains(days)) h.Append("<option value=\"").Append(days).Append("\" selected>近 ").Append(days).Append(" 天</option>");
        h.Append("</select><button type=\"submit\">查看</button></div></form>")
         .Append("<p class=\"muted\">").Append(licence ? "有效期内的行政许可" : "仍在公示期内的行政处罚（已撤销、已修复或期满的不再公示）")
         .Append("，按决定日期由近及远。决定之日起超过 7 日才报送的标注“逾期报送”。</p>");
        if (total == 0) return h.Append("<p class=\"empty\">近 ").Append(days).Append(" 天没有需要公示的").Append(licence ? "行政许可" : "行政处罚").Append("。</p>").ToString();
        h.Append("<p class=\"muted\">共 ").Append(total).Append(" 条</p><ul class=\"records\">");
        foreach (var i in items)
        {
            h.Append("<li class=\"card record ").Append(licence ? "honour" : "sanction").Append("\" data-id=\"").Append(E(i.Id)).Append("\">")
             .Append("<div class=\"record-name\">").Append(E(i.Name)).Append(i.Late ? " <span class=\"late\">逾期报送</span>" : "").Append("</div>")
             .Append("<a href=\"").Append(E(PortalText.Href(i.SubjectKind, i.SubjectId))).Append("\">").Append(E(i.SubjectName ?? i.SubjectId)).Append("</a><dl>")
             .Append("<dt>").Append(licence ? "许可证号" : "决定文号").Append("</dt><dd>").Append(E(i.DecisionRef ?? "—")).Append("</dd>")
             .Append("<dt>").Append(licence ? "许可机关" : "处罚机关").Append("</dt><dd>").Append(E(i.Department)).Append("</dd>")
             .Append("<dt>决定日期</dt><dd>").Append(PortalText.Day(i.DecidedAt)).Append("</dd>")
             .Append("<dt>").Append(licence ? "有效期至" : "公示至").Append("</dt><dd>").Append(PortalText.Day(i.Until, "长期")).Append("</dd></dl></li>");
        }
        h.Append("</ul>");
        var pages = (total + PageSize - 1) / PageSize;
        if (pages > 1)
        {
            var q = $"/credit/publicity?type={type}&amp;days={days}&amp;page=";
            h.Append("<nav class=\"pager\">");
            if (page > 1) h.Append("<a href=\"").Append(q).Append(page - 1).Append("\">上一页</a>");
            h.Append("<span>第 ").Append(page).Append(" / ").Append(pages).Append(" 页</span>");
            if (page < pages) h.Append("<a href=\"").Append(q).Append(page + 1).Append("\">下一页</a>");
            h.Append("</nav>");
        }
        return h.ToString();
    }
}
