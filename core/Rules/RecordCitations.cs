using System.Text;
using CreditGrid.Core.Citations;

namespace CreditGrid.Core.Rules;

/// <summary>
/// A record's <c>citation</c> (http-api "Subjects", domain-rules §9): the catalogue row it scores on — the annex row of its
/// paper (《…》附件 指标体系 · 行政处罚信息), or the article for a row outside the annex — then the article of each rule that
/// changed its points or standing on the day (same decision, doubling, amount bands, caps, validity, repair, revocation,
/// objection, 警告 on the 通报批评 row). Rendered on demand from the engine's facts.
/// </summary>
public static class RecordCitations
{
    public static string Render(RecordEvaluation r)
    {
        var cite = new CitationWriter(PaperIndex.Default);
        var table = RuleLines.TableOf(r.Indicator);
        var s = new StringBuilder(cite.Row(r.SeedLine, r.Group), 96);
        void Rule(int line) => s.Append('；').Append(cite.At(line));
        switch (r.Status)
        {
            case RecordStatus.Revoked: Rule(RuleLines.Revoke(table)); break;
            case RecordStatus.Repaired: Rule(RuleLines.Repair(table)); break;
            case RecordStatus.Superseded: Rule(r.SupersedeLine); break;
            case RecordStatus.Expired when r.ReportedAfterValidity: Rule(RuleLines.ReportedAfterValidity); break;
            case RecordStatus.Expired: Rule(ValidityLine(r)); break;
            case RecordStatus.Objected: Rule(RuleLines.Objection(table)); break;
        }
        if (r.Doubled) Rule(RuleLines.OfficialRepeat);
        if (r.CapYear is not null) s.Append('；').Append(cite.Row(r.CapLine, r.Group)).Append("备注");
        if (r.PenaltyKind == Warnings.Warning) s.Append('；').Append(Warnings.LawArticle);
        return s.ToString();
    }

    private static int ValidityLine(RecordEvaluation r) => r.ValidityBasis switch
    {
        ValidityBasis.OfficialOneYear or ValidityBasis.OfficialSerious => RuleLines.OfficialValidity,
        ValidityBasis.Downgrade or ValidityBasis.SanctionUpTo40 or ValidityBasis.Sanction41To199 or ValidityBasis.Sanction200Plus => RuleLines.SanctionValidity,
        _ => RuleLines.CommendationValidity,
    };
}
