using System.Text;
using CreditGrid.Core.Portal;
using CreditGrid.Dashboard.Public;
using CreditGrid.Dashboard.Security;
using static CreditGrid.Dashboard.Portal.PortalLayout;

namespace CreditGrid.Dashboard.Portal;

/// <summary>
/// GET /credit/{kind}/{id}: the public facts of an enterprise or institution (domain-rules §9): name, USCC, grade and
/// category with the grade's range (never the score), the records that count with their citation, licences valid
/// today, commitments, the street colour of a merchant, and the link to the public credit report.
/// </summary>
public static class PortalSubjectPage
{
    public static string Body(PublicSubject s, string? color, IReadOnlyList<string> licences, IReadOnlyList<PublicCommitment> commitments, DateOnly today)
    {
        var kind = s.Kind == Core.SubjectKind.Institution ? "institution" : "enterprise";
        var h = new StringBuilder();
        h.Append("<link rel=\"stylesheet\" href=\"").Append(PortalAssets.Href("/credit/portal-lookup.css")).Append("\">")
         .Append("<h1>").Append(E(s.Name ?? s.Id)).Append("</h1>")
         .Append("<div class=\"card facts\"><dl>")
         .Append("<dt>统一社会信用代码</dt><dd class=\"code\">").Append(E(s.Id)).Append("</dd>")
         .Append("<dt>主体类别</dt><dd>").Append(E(PortalText.KindLabel(kind))).Append("</dd>");
        if (s.Grade is { } grade)
            h.Append("<dt>信用等级</dt><dd class=\"grade\">").Append(E(grade)).Append(" 级（").Append(E(s.GradeRange)).Append("）</dd>")
             .Append("<dt>信用类别</dt><dd class=\"category\">").Append(E(s.Category)).Append("</dd>");
        else
            h.Append("<dt>信用等级</dt><dd>不参与评分（机关事业单位、社会组织等不评分，信用记录照常公示）</dd>");
        if (PortalText.ColorLabel(color) is { } label)
            h.Append("<dt>示范街</dt><dd><span class=\"street-color c-").Append(E(color)).Append("\">").Append(label).Append("</span> <a href=\"/m/")
             .Append(E(Uri.EscapeDataString(s.Id))).Append("\">商户页面</a></dd>");
        h.Append("<dt>评价日期</dt><dd>").Append(PortalText.Day(today)).Append("</dd></dl>")
         .Append("<p><a class=\"report\" href=\"").Append(E(PortalText.Href(kind, s.Id))).Append("/report.pdf\">下载信用报告（PDF）</a></p></div>");

        h.Append("<h2>有效的信用记录</h2>");
        if (s.Records.Count == 0) h.Append("<p class=\"empty\">目前没有计入评价的信用记录。</p>");
        else
        {
            h.Append("<ul class=\"records\">");
            foreach (var r in s.Records)
            {
                h.Append("<li class=\"card record ").Append(r.Sanction ? "sanction" : "honour").Append("\" data-record=\"").Append(E(r.RecordId)).Append("\">")
                 .Append("<div class=\"record-name\">").Append(E(r.Name)).Append("</div>")
                 .Append("<div class=\"muted\">").Append(E(r.Group)).Append("</div><dl>")
                 .Append("<dt>认定部门</dt><dd>").Append(E(r.Department)).Append("</dd>");
                if (r.DecisionRef is { } d) h.Append("<dt>决定文号</dt><dd>").Append(E(d)).Append("</dd>");
                h.Append("<dt>认定日期</dt><dd>").Append(PortalText.Day(r.OccurredAt)).Append("</dd>")
                 .Append("<dt>有效期至</dt><dd>").Append(PortalText.Day(r.ExpiresAt, "长期")).Append("</dd></dl>")
                 .Append("<div class=\"citation\">依据：").Append(E(r.Citation)).Append("</div></li>");
            }
            h.Append("</ul>");
        }

        h.Append("<h2>行政许可</h2>");
        if (licences.Count == 0) h.Append("<p class=\"empty\">没有在有效期内的行政许可。</p>");
        else
        {
            h.Append("<ul class=\"plain\">");
            foreach (var l in licences) h.Append("<li>").Append(E(l)).Append("</li>");
            h.Append("</ul>");
        }

        h.Append("<h2>信用承诺</h2>");
        if (commitments.Count == 0) h.Append("<p class=\"empty\">没有登记的信用承诺。</p>");
        else
        {
            h.Append("<ul class=\"plain\">");
            foreach (var c in commitments)
                h.Append("<li>").Append(E(c.Kind)).Append(" · ").Append(E(c.Department)).Append(" · 签署于 ").Append(PortalText.Day(c.SignedAt))
                 .Append(c.Breached ? " · <strong class=\"error\">已违诺</strong>" : " · 履约中").Append("</li>");
            h.Append("</ul><p><a href=\"/credit/commitments?subjectId=").Append(E(Uri.EscapeDataString(s.Id))).Append("\">查看承诺全文</a></p>");
        }
        h.Append("<p class=\"muted\">公示内容依据《张店区市场主体公共信用评价管理办法（试行）》第二十九条。已撤销、已修复或已过有效期的记录不予公示。如对记录有异议，可<a href=\"/credit/apply\">提出异议或信用修复申请</a>。</p>");
        return h.ToString();
    }
}
