using System.Globalization;
using System.Text;

namespace CreditGrid.Core.Rules;

/// <summary>
/// The one-line, seed-citing explanation of a record's points, rendered on demand from the facts the engine
/// recorded (so evaluating stays cheap and the text lives in one place).
/// </summary>
public static class Explanations
{
    public static string Render(RecordEvaluation r)
    {
        var s = new StringBuilder(96);
        s.Append('“').Append(r.Name).Append('”').Append(Signed(r.BasePoints)).Append("分（L").Append(r.SeedLine).Append('）');
        switch (r.Status)
        {
            case RecordStatus.Revoked:
                s.Append("；行政行为被撤销或确认违法，不作为信用信息（L817）");
                Reason(s, r);
                break;
            case RecordStatus.Pending:
                s.Append("；发生日期").Append(Day(r.OccurredAt)).Append("晚于评价日期，尚未计分");
                break;
            case RecordStatus.Repaired:
                s.Append("；已于").Append(Day(r.StateChangedAt)).Append("信用修复，自修复之日起不再计分（L816、L2488）");
                Reason(s, r);
                break;
            case RecordStatus.Expired when r.ReportedAfterValidity:
                s.Append("；报送时已超过评价有效期（至").Append(Day(r.ExpiresAt)).Append("），不再计分（L2469）");
                break;
            case RecordStatus.Expired:
                s.Append('；').Append(Validity(r)).Append("，已于").Append(Day(r.ExpiresAt)).Append("到期");
                break;
            case RecordStatus.Superseded:
                s.Append("；同一部门同一行为（").Append(r.ActionRef).Append("）只按最高分值计分，已按“").Append(r.SupersededBy)
                    .Append("”计分（L").Append(r.SupersedeLine).Append('）');
                break;
            default:
                s.Append('；').Append(Validity(r)).Append("，至").Append(Day(r.ExpiresAt));
                if (r.Status == RecordStatus.Objected) s.Append("；异议处理期间仍计分（L815）");
                if (r.Doubled) s.Append("；同一分项失信信息在有效期内重复发生，加倍减分（L1511）");
                if (r.AmountYear is { } year)
                    s.Append("；").Append(year).Append("年度累计分档计分，本条计").Append(r.AmountShare).Append("分（L").Append(r.SeedLine).Append("，§3.4）");
                if (r.CapYear is { } capYear)
                    s.Append("；").Append(capYear).Append("年度最多加").Append(r.Cap).Append("分，本条计").Append(r.EffectivePoints)
                        .Append("分（L").Append(r.CapLine).Append('）');
                break;
        }
        if (r.PenaltyKind == Warnings.Warning)
            s.Append("；处罚决定为警告：警告与通报批评同属《中华人民共和国行政处罚法》第九条规定的一类处罚，按本行计分");
        if (r.Unscored) s.Append("；非企业法人不计算信用分，本条仅作记录");
        return s.ToString();
    }

    private static string Validity(RecordEvaluation r) => r.ValidityBasis switch
    {
        ValidityBasis.OfficialOneYear => "公职人员信用评价有效期1年（L1495）",
        ValidityBasis.OfficialSerious => "情节较为严重，经区社会信用中心决定有效期2年（L1495）",
        ValidityBasis.Downgrade => "信用降级的，有效期5年（L2467）" + EnterpriseNote(r),
        ValidityBasis.SanctionUpTo40 => "减分40分及以下，有效期1年（L2467）" + EnterpriseNote(r),
        ValidityBasis.Sanction41To199 => "减分41至199分，有效期2年（L2467）" + EnterpriseNote(r),
        ValidityBasis.Sanction200Plus => "减分200分及以上，有效期3年（L2467）" + EnterpriseNote(r),
        ValidityBasis.DistrictHonour => "区级表彰奖励，有效期1年（L2468）" + EnterpriseNote(r),
        ValidityBasis.CityHonour => "市级表彰奖励，有效期2年（L2468）" + EnterpriseNote(r),
        ValidityBasis.ProvinceHonour => "省级表彰奖励，有效期3年（L2468）" + EnterpriseNote(r),
        ValidityBasis.NationalHonour => "国家级表彰奖励，有效期5年（L2468）" + EnterpriseNote(r),
        _ => "其他加分信息有效期1年（L2468）" + EnterpriseNote(r),
    };

    // Interpretation (domain-rules §5): enterprises use the person periods.
    private static string EnterpriseNote(RecordEvaluation r) => r.Indicator.StartsWith("E-", StringComparison.Ordinal) ? "，企业参照个人有效期" : "";

    private static void Reason(StringBuilder s, RecordEvaluation r)
    {
        if (!string.IsNullOrWhiteSpace(r.StateReason)) s.Append('：').Append(r.StateReason);
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Signed(int points) => points > 0 ? "+" + points.ToString(CultureInfo.InvariantCulture) : points.ToString(CultureInfo.InvariantCulture);
}
