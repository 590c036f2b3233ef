using System.Globalization;
using System.Net;
using System.Text;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Street;
using CreditGrid.Dashboard.Portal;
using CreditGrid.Dashboard.Security;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Dashboard.Public;

/// <summary>
/// The merchant's public page (L3335: base information, licences, penalties, consumer reviews, complaint handling and
/// evaluation), Chinese, readable on a phone, with a complaint form that works without JavaScript. Consumer text is
/// masked here too (http-api Conventions), whatever view it comes from.
/// </summary>
public static class MerchantPage
{
    private static readonly Dictionary<string, (string Label, string Meaning)> Colors = new()
    {
        ["red"] = ("红名单", "诚信经营示范，享受激励措施"),
        ["blue"] = ("蓝名单", "诚信经营，持续教育提升"),
        ["yellow"] = ("黄名单", "限期整改，监督整改到位"),
        ["black"] = ("黑名单", "警示或清退"),
    };

    /// <summary>The page as a 信用张店 page (PortalLayout): no inline script or style, so it passes the portal's CSP.</summary>
    public static IResult Page(MerchantPublicView m, string? notice, IReadOnlyList<PublicCommitment>? commitments = null) =>
        PortalLayout.Page(m.Name + " · 诚信经营示范街", Render(m, notice, commitments));

    /// <summary>The body of the page (inside the portal shell).</summary>
    public static string Render(MerchantPublicView m, string? notice, IReadOnlyList<PublicCommitment>? commitments = null)
    {
        var (label, meaning) = Colors.GetValueOrDefault(m.Color, ("未评定", ""));
        var id = Uri.EscapeDataString(m.Id);
        var h = new StringBuilder();
        h.Append("<link rel=\"stylesheet\" href=\"").Append(PortalAssets.Href("/credit/merchant.css")).Append("\"><div class=\"merchant\">");
        h.Append("<h1>").Append(E(m.Name)).Append("</h1><p class=\"muted\">").Append(E(m.Street)).Append(" · 统一社会信用代码 ").Append(E(m.Id)).Append("</p>");
        // Issue 15 item 6: the merchant page leads to its enterprise's page on the portal.
        h.Append("<p><a class=\"portal-link\" id=\"portal-link\" href=\"/credit/enterprise/").Append(id).Append("\">在信用张店查看该企业的公共信用信息</a></p>");
        if (notice is not null) h.Append("<p class=\"notice\">").Append(E(notice)).Append("</p>");

        // §9: grade and category in public, never the score.
        h.Append("<section><h2>诚信状态</h2><p><span class=\"badge badge-").Append(Colors.ContainsKey(m.Color) ? m.Color : "none").Append("\" id=\"color\" data-color=\"").Append(E(m.Color)).Append("\">")
         .Append(label).Append("</span> ").Append(E(meaning)).Append("</p><p>公共信用评价：<strong id=\"grade\">").Append(E(m.Grade ?? "—")).Append("</strong>")
         .Append(m.Expelled ? "　<strong>已清退出示范街</strong>" : "").Append("</p></section>");

        h.Append("<section><h2>许可信息</h2>");
        if (m.Licences.Count == 0) h.Append("<p class=\"muted\">暂无登记的行政许可信息</p>");
        else h.Append("<ul id=\"licences\">").Append(string.Concat(m.Licences.Select(l => $"<li>{E(l)}</li>"))).Append("</ul>");
        h.Append("</section>");

        h.Append("<section><h2>信用承诺</h2>");
        if (commitments is not { Count: > 0 }) h.Append("<p class=\"muted\">暂无信用承诺</p>");
        else
        {
            h.Append("<table id=\"commitments\"><tr><th>签署日期</th><th>类型</th><th>承诺内容</th><th>状态</th></tr>");
            foreach (var c in commitments)
                h.Append("<tr><td>").Append(Day(c.SignedAt)).Append("</td><td>").Append(E(c.Kind)).Append("</td><td>").Append(E(PublicText.Mask(c.Text)))
                 .Append("</td><td>").Append(c.Breached ? "<strong>已违诺</strong>" : "履约中").Append("</td></tr>");
            h.Append("</table>");
        }
        h.Append("</section>");

        h.Append("<section><h2>行政处罚及失信信息</h2>");
        if (m.Penalties.Count == 0) h.Append("<p class=\"muted\">有效期内无处罚信息</p>");
        else
        {
            h.Append("<table><tr><th>日期</th><th>事项</th><th>部门</th></tr>");
            foreach (var p in m.Penalties)
                h.Append("<tr><td>").Append(Day(p.OccurredAt)).Append("</td><td>").Append(E(p.Name)).Append("</td><td>").Append(E(p.Department)).Append("</td></tr>");
            h.Append("</table>");
        }
        if (m.Commendations.Count > 0)
            h.Append("<p>守信信息：").Append(string.Join("；", m.Commendations.Select(c => E(c.Name)))).Append("</p>");
        h.Append("</section>");

        h.Append("<section><h2>检查与整改</h2>");
        if (m.Findings.Count == 0) h.Append("<p class=\"muted\">暂无检查问题</p>");
        else
        {
            h.Append("<table><tr><th>检查日期</th><th>领域</th><th>问题</th><th>整改期限</th><th>状态</th></tr>");
            foreach (var f in m.Findings.OrderByDescending(f => f.FoundAt))
                h.Append("<tr><td>").Append(Day(f.FoundAt)).Append("</td><td>").Append(E(f.Area)).Append("</td><td>").Append(E(f.Problem)).Append("</td><td>")
                 .Append(Day(f.Deadline)).Append("</td><td>").Append(f.RectifiedAt is { } r ? "已整改（" + Day(r) + "）" : "整改中").Append("</td></tr>");
            h.Append("</table>");
        }
        h.Append("</section>");

        h.Append("<section><h2>消费者评价</h2>");
        if (m.Reviews.Count == 0) h.Append("<p class=\"muted\">暂无评价</p>");
        else
        {
            // Running totals over every review; the list holds only the newest (older ones are archived).
            var average = m.AverageRating ?? m.Reviews.Average(r => r.Stars);
            h.Append("<p>平均 ").Append(average.ToString("0.0", CultureInfo.InvariantCulture)).Append(" 星，共 ").Append(Math.Max(m.ReviewCount, m.Reviews.Count)).Append(" 条</p><ul>");
            foreach (var r in m.Reviews.AsEnumerable().Reverse().Take(10))
                h.Append("<li><span class=\"stars\">").Append(new string('★', r.Stars)).Append(new string('☆', 5 - r.Stars)).Append("</span> ").Append(E(PublicText.Mask(r.Text ?? ""))).Append("</li>");
            h.Append("</ul>");
        }
        h.Append("</section>");

        h.Append("<section><h2>投诉处理</h2>");
        if (m.Complaints.Count == 0) h.Append("<p class=\"muted\">暂无投诉</p>");
        else
        {
            h.Append("<table><tr><th>受理日期</th><th>内容</th><th>处理结果</th></tr>");
            foreach (var c in m.Complaints.AsEnumerable().Reverse().Take(20))
                h.Append("<tr><td>").Append(Day(c.ReceivedAt)).Append("</td><td>").Append(E(PublicText.Mask(c.Text))).Append("</td><td>").Append(Handling(c)).Append("</td></tr>");
            h.Append("</table>");
        }
        h.Append("</section>");

        h.Append("<section><h2>我要评价</h2><form method=\"post\" action=\"/m/").Append(id).Append("/reviews\" id=\"review-form\">")
         .Append("<label>评分<select name=\"stars\" id=\"review-stars\" required><option value=\"5\">★★★★★ 非常满意</option><option value=\"4\">★★★★☆ 满意</option>")
         .Append("<option value=\"3\">★★★☆☆ 一般</option><option value=\"2\">★★☆☆☆ 不满意</option><option value=\"1\">★☆☆☆☆ 很不满意</option></select></label>")
         .Append("<label>评价内容（选填，公开显示，请勿填写身份证号、电话等个人信息）<textarea name=\"text\" id=\"review-text\" rows=\"3\" maxlength=\"500\"></textarea></label>")
         .Append("<button type=\"submit\" id=\"review-submit\">提交评价</button><p class=\"muted\">同一网络地址每天可对本店评价一次。</p></form></section>");
        h.Append("<section><h2>我要投诉</h2><form method=\"post\" action=\"/m/").Append(id).Append("/complaints\">")
         .Append("<label>投诉内容<textarea name=\"text\" id=\"complaint-text\" rows=\"4\" maxlength=\"2000\" required></textarea></label>")
         .Append("<label>联系方式（选填，不公开）<input name=\"contact\" maxlength=\"200\"></label>")
         .Append("<button type=\"submit\" id=\"complaint-submit\">提交投诉</button></form></section>");
        h.Append("<section class=\"qr\"><h2>店铺二维码</h2><img src=\"/m/").Append(id).Append("/qr.png\" alt=\"本页二维码\" width=\"144\" height=\"144\"></section>");
        h.Append("<p class=\"muted\">张店区社会信用体系建设 · 诚信经营示范街（张政字〔2021〕90号）</p></div>");
        return h.ToString();
    }

    private static string Handling(Complaint c) => c switch
    {
        { ResolvedAt: { } r } => "属实，已处理完毕（" + Day(r) + "）",
        { Substantiated: true } => "经核查属实，整改中",
        { Substantiated: false } => "经核查不属实",
        _ => "核查中",
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
