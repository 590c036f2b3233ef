using System.Globalization;
using System.Net;
using System.Text;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Street;

namespace CreditGrid.Dashboard.Public;

/// <summary>
/// The merchant's public page (L3335: base information, licences, penalties, consumer reviews, complaint handling and
/// evaluation), Chinese, readable on a phone, with a complaint form that works without JavaScript. Consumer text is
/// masked here too (http-api Conventions), whatever view it comes from.
/// </summary>
public static class MerchantPage
{
    private static readonly Dictionary<string, (string Label, string Css, string Meaning)> Colors = new()
    {
        ["red"] = ("红名单", "#c62828", "诚信经营示范，享受激励措施"),
        ["blue"] = ("蓝名单", "#1565c0", "诚信经营，持续教育提升"),
        ["yellow"] = ("黄名单", "#f9a825", "限期整改，监督整改到位"),
        ["black"] = ("黑名单", "#212121", "警示或清退"),
    };

    public static string Render(MerchantPublicView m, string? notice, IReadOnlyList<PublicCommitment>? commitments = null)
    {
        var (label, css, meaning) = Colors.GetValueOrDefault(m.Color, ("未评定", "#757575", ""));
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append("<title>").Append(E(m.Name)).Append(" · 诚信经营示范街</title><style>")
         .Append("body{font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:0;background:#f5f5f5;color:#212121;line-height:1.6}")
         .Append("main{max-width:640px;margin:0 auto;padding:16px}section{background:#fff;border-radius:8px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 2px #0002}")
         .Append("h1{font-size:1.4em;margin:8px 0}h2{font-size:1.1em;margin:4px 0 8px;border-left:4px solid #c62828;padding-left:8px}")
         .Append(".badge{display:inline-block;color:#fff;border-radius:4px;padding:4px 12px;font-weight:bold}")
         .Append("table{width:100%;border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:6px 4px;text-align:left;font-size:.95em}")
         .Append("textarea,input{width:100%;box-sizing:border-box;font-size:1em;padding:8px;margin:4px 0}button{font-size:1em;padding:8px 20px;background:#c62828;color:#fff;border:0;border-radius:4px}")
         .Append(".muted{color:#757575}.notice{background:#e8f5e9;padding:8px;border-radius:4px}</style></head><body><main>");
        h.Append("<h1>").Append(E(m.Name)).Append("</h1><p class=\"muted\">").Append(E(m.Street)).Append(" · 统一社会信用代码 ").Append(E(m.Id)).Append("</p>");
        if (notice is not null) h.Append("<p class=\"notice\">").Append(E(notice)).Append("</p>");

        h.Append("<section><h2>诚信状态</h2><p><span class=\"badge\" id=\"color\" data-color=\"").Append(E(m.Color)).Append("\" style=\"background:").Append(css).Append("\">")
         .Append(label).Append("</span> ").Append(E(meaning)).Append("</p><p>公共信用评价：<strong id=\"grade\">").Append(E(m.Grade ?? "—")).Append("</strong>（")
         .Append(m.Score).Append("分）").Append(m.Expelled ? "　<strong>已清退出示范街</strong>" : "").Append("</p></section>");

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
            h.Append("<table><tr><th>日期</th><th>事项</th><th>部门</th><th>分值</th></tr>");
            foreach (var p in m.Penalties)
                h.Append("<tr><td>").Append(Day(p.OccurredAt)).Append("</td><td>").Append(E(p.Name)).Append("</td><td>").Append(E(p.Department))
                 .Append("</td><td>").Append(p.EffectivePoints).Append("</td></tr>");
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
                h.Append("<li>").Append(new string('★', r.Stars)).Append(new string('☆', 5 - r.Stars)).Append(' ').Append(E(PublicText.Mask(r.Text ?? ""))).Append("</li>");
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

        h.Append("<section><h2>我要投诉</h2><form method=\"post\" action=\"/m/").Append(Uri.EscapeDataString(m.Id)).Append("/complaints\">")
         .Append("<label>投诉内容<textarea name=\"text\" id=\"complaint-text\" rows=\"4\" maxlength=\"2000\" required></textarea></label>")
         .Append("<label>联系方式（选填，不公开）<input name=\"contact\" maxlength=\"200\"></label>")
         .Append("<button type=\"submit\" id=\"complaint-submit\">提交投诉</button></form></section>");
        h.Append("<p class=\"muted\">张店区社会信用体系建设 · 诚信经营示范街（张政字〔2021〕90号）</p></main></body></html>");
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
