using System.Globalization;
using System.Text;
using CreditGrid.Core.Portal;
using CreditGrid.Dashboard.Security;
using static CreditGrid.Dashboard.Portal.PortalLayout;

namespace CreditGrid.Dashboard.Portal;

/// <summary>GET /credit/lists/red|black: the 诚信红黑榜 (domain-rules §9, L663-L671) from its durable projection.</summary>
public static class PortalListPage
{
    public const int PageSize = 50;

    public static string Title(string list) => list == PublicLists.Red ? "诚信红榜" : "失信黑榜";

    public static string Body(string list, int page, long total, IReadOnlyList<PublicListItem> items, DateTimeOffset computedAt)
    {
        var h = new StringBuilder();
        h.Append("<link rel=\"stylesheet\" href=\"").Append(PortalAssets.Href("/credit/portal-lookup.css")).Append("\">")
         .Append("<h1>").Append(Title(list)).Append("</h1>")
         .Append("<p class=\"muted\">").Append(list == PublicLists.Red
             ? "信用等级 AAA 且无有效失信记录的企业、各街区诚信经营示范店，以及五星、六星公职人员表彰公示。"
             : "列入严重失信主体名单或受刑事处罚、信用等级降为 D 级的企业；相关记录失效、撤销或修复后移出。")
         .Append(" 更新时间 ").Append(E(computedAt.UtcDateTime.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("（北京时间）</p>");
        if (total == 0)
        {
            h.Append("<p class=\"empty\">榜单暂无主体。</p>");
            return h.ToString();
        }
        h.Append("<p class=\"muted\">共 ").Append(total).Append(" 个</p><ul class=\"hits list\" data-list=\"").Append(list).Append("\">");
        foreach (var i in items)
        {
            h.Append("<li class=\"card list-item\"").Append(i.Id is null ? "" : $" data-id=\"{E(i.Id)}\"").Append('>');
            if (i.Id is { } id) h.Append("<a class=\"hit-name\" href=\"").Append(E((i.Kind == "merchant" ? $"/m/{Uri.EscapeDataString(id)}" : PortalText.Href(i.Kind, id)))).Append("\">").Append(E(i.Name ?? id)).Append("</a>");
            else h.Append("<span class=\"hit-name\">").Append(E(i.Name)).Append("</span>");
            h.Append("<div class=\"hit-facts\">");
            if (i.Id is { } code) h.Append("<span class=\"code\">").Append(E(code)).Append("</span>");
            if (i.Unit is { } unit) h.Append("<span>").Append(E(unit)).Append("</span>");
            if (i.Grade is { } g) h.Append("<span class=\"grade\">").Append(E(g)).Append(" 级</span>");
            if (i.Stars is { } s) h.Append("<span class=\"grade\">").Append(new string('★', s)).Append("</span>");
            h.Append("<span>自 ").Append(PortalText.Day(i.Since)).Append(" 起</span></div>")
             .Append("<div class=\"reason\">").Append(E(i.Reason)).Append("</div></li>");
        }
        h.Append("</ul>");
        var pages = (total + PageSize - 1) / PageSize;
        if (pages > 1)
        {
            h.Append("<nav class=\"pager\">");
            if (page > 1) h.Append("<a href=\"/credit/lists/").Append(list).Append("?page=").Append(page - 1).Append("\">上一页</a>");
            h.Append("<span>第 ").Append(page).Append(" / ").Append(pages).Append(" 页</span>");
            if (page < pages) h.Append("<a href=\"/credit/lists/").Append(list).Append("?page=").Append(page + 1).Append("\">下一页</a>");
            h.Append("</nav>");
        }
        return h.ToString();
    }
}
