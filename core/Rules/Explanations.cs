using System.Globalization;
using System.Text;
using CreditGrid.Core.Citations;

namespace CreditGrid.Core.Rules;

/// <summary>
/// The one-line Chinese explanation of a record's points, rendered on demand from the facts the engine recorded (so
/// evaluating stays cheap and the text lives in one place). Rules are cited by paper and article (domain-rules §9),
/// never by seed line: the lines stay in <see cref="RuleLines"/>.
/// </summary>
public static class Explanations
{
    public static string Render(RecordEvaluation r)
    {
        var s = new StringBuilder(128);
        var cite = new CitationWriter(PaperIndex.Default);
        var table = RuleLines.TableOf(r.Indicator);
        s.Append('“').Append(r.Name).Append('”').Append(Signed(r.BasePoints)).Append('分');
        switch (r.Status)
        {
            case RecordStatus.Revoked: // L817
                s.Append("；行政行为被撤销或确认违法，不作为信用信息（").Append(cite.At(RuleLines.Revoke(table))).Append('）');
                Reason(s, r);
                break;
            case RecordStatus.Pending:
                s.Append("；发生日期").Append(Day(r.OccurredAt)).Append("晚于评价日期，尚未计分");
                break;
            case RecordStatus.Repaired: // L816, L2488
                s.Append("；已于").Append(Day(r.StateChangedAt)).Append("信用修复，自修复之日起不再计分（").Append(cite.At(RuleLines.Repair(table))).Append('）');
                Reason(s, r);
                break;
            case RecordStatus.Expired when r.ReportedAfterValidity: // L2469
                s.Append("；报送时已超过评价有效期（至").Append(Day(r.ExpiresAt)).Append("），不再计分（").Append(cite.At(RuleLines.ReportedAfterValidity)).Append('）');
                break;
            case RecordStatus.Expired:
                s.Append('；').Append(Validity(r, cite)).Append("，已于").Append(Day(r.ExpiresAt)).Append("到期");
                break;
            case RecordStatus.Superseded: // L800, L1509, L2456
                s.Append("；同一部门同一行为（").Append(r.ActionRef).Append("）只按最高分值计分，已按“").Append(r.SupersededBy)
                    .Append("”计分（").Append(cite.At(r.SupersedeLine)).Append('）');
                break;
            default:
                s.Append('；').Append(Validity(r, cite)).Append("，至").Append(Day(r.ExpiresAt));
                if (r.Status == RecordStatus.Objected) s.Append("；异议处理期间仍计分（").Append(cite.At(RuleLines.Objection(table))).Append('）'); // L815
                if (r.Doubled) s.Append("；同一分项失信信息在有效期内重复发生，加倍减分（").Append(cite.At(RuleLines.OfficialRepeat)).Append('）'); // L1511
                if (r.AmountYear is { } year) // §3.4, the row's own bands
                    s.Append("；").Append(year).Append("年度累计分档计分，本条计").Append(r.AmountShare).Append("分（").Append(cite.Row(r.SeedLine, r.Group)).Append('）');
                if (r.CapYear is { } capYear) // the cap's 备注 (L848, L883, L1557, L1647, L2509, L2563, L2569)
                    s.Append("；").Append(capYear).Append("年度最多加").Append(r.Cap).Append("分，本条计").Append(r.EffectivePoints)
                        .Append("分（").Append(cite.Row(r.CapLine, r.Group)).Append("备注）");
                break;
        }
        if (r.PenaltyKind == Warnings.Warning)
            s.Append("；处罚决定为警告：警告与通报批评同属").Append(Warnings.LawArticle).Append("规定的一类处罚，按本行计分");
        if (r.Unscored) s.Append("；非企业法人不计算信用分，本条仅作记录");
        return s.ToString();
    }

    private static string Validity(RecordEvaluation r, CitationWriter cite) => r.ValidityBasis switch
    {
        ValidityBasis.OfficialOneYear => "公职人员信用评价有效期1年（" + cite.At(RuleLines.OfficialValidity) + "）",
        ValidityBasis.OfficialSerious => "情节较为严重，经区社会信用中心决定有效期2年（" + cite.At(RuleLines.OfficialValidity) + "）",
        ValidityBasis.Downgrade => "信用降级的，有效期5年（" + cite.At(RuleLines.SanctionValidity) + "）" + EnterpriseNote(r),
        ValidityBasis.SanctionUpTo40 => "减分40分及以下，有效期1年（" + cite.At(RuleLines.SanctionValidity) + "）" + EnterpriseNote(r),
        ValidityBasis.Sanction41To199 => "减分41至199分，有效期2年（" + cite.At(RuleLines.SanctionValidity) + "）" + EnterpriseNote(r),
        ValidityBasis.Sanction200Plus => "减分200分及以上，有效期3年（" + cite.At(RuleLines.SanctionValidity) + "）" + EnterpriseNote(r),
        ValidityBasis.DistrictHonour => "区级表彰奖励，有效期1年（" + cite.At(RuleLines.CommendationValidity) + "）" + EnterpriseNote(r),
        ValidityBasis.CityHonour => "市级表彰奖励，有效期2年（" + cite.At(RuleLines.CommendationValidity) + "）" + EnterpriseNote(r),
        ValidityBasis.ProvinceHonour => "省级表彰奖励，有效期3年（" + cite.At(RuleLines.CommendationValidity) + "）" + EnterpriseNote(r),
        ValidityBasis.NationalHonour => "国家级表彰奖励，有效期5年（" + cite.At(RuleLines.CommendationValidity) + "）" + EnterpriseNote(r),
        _ => "其他加分信息有效期1年（" + cite.At(RuleLines.CommendationValidity) + "）" + EnterpriseNote(r),
    };

    // Interpretation (domain-rules §5): enterprises use the person periods.
    private static string EnterpriseNote(RecordEvaluation r) => r.Indicator.StartsWith("E-", StringComparison.Ordinal) ? "，企业参照个人有效期" : "";

    private static void Reason(StringBuilder s, RecordEvaluation r)
    {
        if (!string.IsNullOrWhiteSpace(r.StateReason)) s.Append('：').Append(r.StateReason);
    }

    internal static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    internal static string Signed(int points) => points > 0 ? "+" + points.ToString(CultureInfo.InvariantCulture) : points.ToString(CultureInfo.InvariantCulture);
}
