using CreditGrid.Core.Citations;

namespace CreditGrid.Core.Rules;

/// <summary>What a credit check is asked for (domain-rules §10, 事前信用核查).</summary>
public enum CheckPurpose
{
    /// <summary>财政性资金项目.</summary>
    FiscalFunds,
    /// <summary>评优评先.</summary>
    Awards,
    /// <summary>简化程序 / 容缺受理 / 绿色通道.</summary>
    SimplifiedProcedure,
    /// <summary>检查频次.</summary>
    InspectionPlan,
}

/// <summary>The answer of a check: allowed | restricted | incentive | standard, the measures in Chinese and their article.</summary>
public sealed record CheckAnswer(string Outcome, IReadOnlyList<string> Measures, string Citation);

/// <summary>
/// 事前信用核查 (86号 L420; 87号第二十条-第二十三条, L805-L808; domain-rules §10): the one place that says what a subject's
/// category means for a decision. Enterprises and merchants (their enterprise's category) by 87号; persons by 89号
/// 三、激励措施 (incentives only, never a restriction); officials by 88号 四、激励措施/惩戒措施 (Interpretation below).
/// </summary>
public static class CreditCheck
{
    public const string Allowed = "allowed";
    public const string Restricted = "restricted";
    public const string Incentive = "incentive";
    public const string Standard = "standard";

    public static readonly IReadOnlyList<string> Purposes = ["fiscal-funds", "awards", "simplified-procedure", "inspection-plan"];

    public static bool TryParse(string? text, out CheckPurpose purpose)
    {
        var i = text is null ? -1 : Purposes.ToList().IndexOf(text);
        purpose = i < 0 ? default : (CheckPurpose)i;
        return i >= 0;
    }

    public static string ToWire(this CheckPurpose purpose) => Purposes[(int)purpose];

    // Seed lines of the measures quoted below (87号 第二十条-第二十三条; 88号 四; 89号 三).
    private const int Honest = 805, Minor = 806, General = 807, Severe = 808;
    private const int OfficialIncentives = 1515, OfficialSanctions = 1521;
    private const int PersonIncentives = 2471;

    /// <summary>The answer for a subject of <paramref name="kind"/> evaluated as <paramref name="evaluation"/>.</summary>
    public static CheckAnswer Decide(SubjectKind kind, Evaluation evaluation, CheckPurpose purpose) => kind switch
    {
        SubjectKind.Person => Person(evaluation.Grade ?? "A", purpose),
        SubjectKind.Official => Official(evaluation.Stars ?? 3, purpose),
        _ => Enterprise(Grades.EnterpriseCategory(evaluation.Grade ?? "A"), purpose),
    };

    private static CheckAnswer Enterprise(string category, CheckPurpose purpose) => (category, purpose) switch
    {
        // L808 第二十三条: 限制其享受简化程序等便利措施，限制其申请财政性资金项目、评优评先项目; 抽查比例不设上限.
        ("严重失信", CheckPurpose.FiscalFunds) => Answer(Restricted, Severe, "限制申请财政性资金项目"),
        ("严重失信", CheckPurpose.Awards) => Answer(Restricted, Severe, "限制申请评优评先项目"),
        ("严重失信", CheckPurpose.SimplifiedProcedure) => Answer(Restricted, Severe, "限制享受简化程序等便利措施"),
        ("严重失信", CheckPurpose.InspectionPlan) => Answer(Standard, Severe,
            "列为重点监管对象，抽查比例不设上限，依法依规增加检查内容，加大抽查检查力度和频次"),
        // L805 第二十条: “非请勿扰”, 合理降低抽查比例和频次; 绿色通道、容缺受理、简化程序等支持激励措施.
        ("诚信守法", CheckPurpose.SimplifiedProcedure) => Answer(Incentive, Honest, "实行绿色通道、容缺受理、简化程序等支持激励措施"),
        ("诚信守法", CheckPurpose.InspectionPlan) => Answer(Incentive, Honest, "实行“非请勿扰”诚信管理制度，在日常监管中合理降低抽查比例和频次"),
        ("诚信守法", _) => Answer(Standard, Honest),
        // L806 第二十一条: 每年至多进行一次随机检查，采取包容审慎监管方式.
        ("轻微失信", CheckPurpose.InspectionPlan) => Answer(Standard, Minor, "每年至多进行一次随机检查，采取包容审慎监管方式"),
        ("轻微失信", _) => Answer(Standard, Minor),
        // L807 第二十二条: 每年除进行一次随机性联合检查外，不再安排其他检查.
        (_, CheckPurpose.InspectionPlan) => Answer(Standard, General, "每年除进行一次随机性联合检查外，不再安排其他检查"),
        _ => Answer(Standard, General),
    };

    /// <summary>
    /// 89号 三、激励措施 (L2471-L2483), for 信用状况良好的个人 (Interpretation, domain-rules §10: A- and above): incentives
    /// only. A person below A-, or a purpose the paper gives no measure for (inspection plans), is standard — never restricted.
    /// </summary>
    private static CheckAnswer Person(string grade, CheckPurpose purpose)
    {
        var good = grade is "AAA" or "AA" or "A+" or "A" or "A-";
        return (good, purpose) switch
        {
            // L2477 第5项.
            (true, CheckPurpose.FiscalFunds) => Answer(Incentive, PersonIncentives, "在申请财政资金时，享受优先服务；在财政性资金项目安排等方面，同等条件下列为优先选择对象"),
            // L2480 第8项.
            (true, CheckPurpose.Awards) => Answer(Incentive, PersonIncentives, "在媒体推介、荣誉评选等活动中，同等条件下列为优先考虑对象，涉及打分或考核的予以加分"),
            // L2478 第6项.
            (true, CheckPurpose.SimplifiedProcedure) => Answer(Incentive, PersonIncentives, "在行政审批和公共服务事项中，给予绿色通道、程序简化等便利服务措施，适用告知承诺、容缺受理等制度"),
            _ => Answer(Standard, PersonIncentives),
        };
    }

    /// <summary>
    /// Interpretation (officials, 88号 四): the paper's measures concern cadre work, so only `awards` has one —
    /// 5★/6★ 评先评优优先推荐 (L1518, incentive), 2★ and 1★ 取消年度各类评先选优资格 (L1524, L1528: restricted, the paper's
    /// own 惩戒措施). Every other purpose is standard.
    /// </summary>
    private static CheckAnswer Official(int stars, CheckPurpose purpose) => (stars, purpose) switch
    {
        ( >= 5, CheckPurpose.Awards) => Answer(Incentive, OfficialIncentives, "在各级各类评先评优中，同等条件的优先予以推荐"),
        ( <= 2, CheckPurpose.Awards) => Answer(Restricted, OfficialSanctions, "当年年度考核不得评为优秀等次，取消年度各类评先选优资格"),
        ( <= 2, _) => Answer(Standard, OfficialSanctions),
        _ => Answer(Standard, OfficialIncentives),
    };

    private static CheckAnswer Answer(string outcome, int seedLine, params string[] measures) =>
        new(outcome, measures, PaperIndex.Default.At(seedLine));
}
