using System.Text;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using CreditGrid.Core.Rules;
using CreditGrid.Dashboard.Security;
using static CreditGrid.Dashboard.Portal.PortalLayout;

namespace CreditGrid.Dashboard.Portal;

/// <summary>
/// GET /credit/commitments?subjectId=: the published 信用承诺 (domain-rules §10) of one enterprise, or the newest of all,
/// each with its text and whether it is breached (read from the subject's dossier, CommitmentStatus).
/// </summary>
public static class PortalCommitmentsPage
{
    public const int PageSize = 50;

    public static async Task<string> Body(string? subjectId, IReadOnlyList<Commitment> items, long total, IGrainFactory grains)
    {
        var h = new StringBuilder();
        h.Append("<link rel=\"stylesheet\" href=\"").Append(PortalAssets.Href("/credit/portal-lookup.css")).Append("\">")
         .Append("<h1>信用承诺公示</h1>")
         .Append("<form class=\"lookup\" method=\"get\" action=\"/credit/commitments\"><label for=\"subjectId\">统一社会信用代码</label><div class=\"lookup-row\">")
         .Append("<input id=\"subjectId\" name=\"subjectId\" maxlength=\"18\" value=\"").Append(E(subjectId)).Append("\"><button type=\"submit\">查看</button></div></form>");
        // Persons and officials are never public (§9): their commitments, if any, are not listed.
        var shown = items.Where(c => c.SubjectKind is SubjectKind.Enterprise or SubjectKind.Merchant or SubjectKind.Institution).ToList();
        if (shown.Count == 0)
            return h.Append("<p class=\"empty\">").Append(subjectId is null ? "暂无公示的信用承诺。" : "该主体没有公示的信用承诺。").Append("</p>").ToString();
        var records = new Dictionary<(SubjectKind, string), IReadOnlyList<RecordEvaluation>>();
        foreach (var key in shown.Select(c => (c.SubjectKind == SubjectKind.Merchant ? SubjectKind.Enterprise : c.SubjectKind, c.SubjectId)).Distinct())
            records[key] = (await grains.Records(key.Item1, key.Item2).View(null))?.Evaluation.Records ?? [];
        h.Append("<p class=\"muted\">共 ").Append(total).Append(" 份</p><ul class=\"records\">");
        foreach (var c in shown)
        {
            var kind = c.SubjectKind == SubjectKind.Merchant ? SubjectKind.Enterprise : c.SubjectKind;
            var breached = CommitmentStatus.Of(c, records[(kind, c.SubjectId)]).Status == CommitmentStatus.Breached;
            h.Append("<li class=\"card record ").Append(breached ? "sanction" : "honour").Append("\" data-id=\"").Append(E(c.CommitmentId)).Append("\">")
             .Append("<div class=\"record-name\">").Append(E(c.Kind)).Append("承诺").Append(breached ? " <span class=\"late\">已违诺</span>" : "").Append("</div>")
             .Append("<a href=\"").Append(E(PortalText.Href(kind.ToWire(), c.SubjectId))).Append("\" class=\"code\">").Append(E(c.SubjectId)).Append("</a>")
             .Append("<p>").Append(E(c.Text)).Append("</p><dl>")
             .Append("<dt>签署日期</dt><dd>").Append(PortalText.Day(c.SignedAt)).Append("</dd>")
             .Append("<dt>受理部门</dt><dd>").Append(E(c.Department)).Append("</dd></dl></li>");
        }
        return h.Append("</ul>").ToString();
    }
}
