using CreditGrid.Api.Contracts;
using CreditGrid.Api.Endpoints;

namespace CreditGrid.Api.OpenApi;

/// <summary>The example body of each write, as a department's developer would send it (shown in /api/docs).</summary>
public static class Examples
{
    private static readonly string Enterprise = Core.Identifiers.UnifiedSocialCreditCode.Complete("91370303MA3C0B1T");
    private static readonly string Person = Core.Identifiers.ResidentId.Complete("37030319900101123");

    public static readonly EventRequest EventRequest = new(
        "scj-2026-000123", "enterprise", Enterprise, "E-PEN-FINE-10K-100K", "2026-11-20", null, "张市监罚〔2026〕123号",
        null, null, null, null, "罚款5万元");

    public static readonly BatchRequest BatchRequest = new([EventRequest,
        EventRequest with { EventId = "scj-2026-000124", Indicator = "E-DONATION-COMPANY", ActionRef = null, Amount = 20000m, AmountKind = "cash", Note = "捐款2万元" }]);

    public static readonly SubjectRequest SubjectRequest = new("张店区示例商贸有限公司", "2019-05-06", [Person], "company", "水晶街", null);

    public static readonly RevokeRequest RevokeRequest = new("行政复议撤销原处罚决定", "张政复决〔2026〕8号");

    public static readonly RepairRequest RepairRequest = new("2026-11-25", "已履行法定义务并提交信用承诺", null);

    public static readonly ObjectionRequest ObjectionRequest = new("obj-2026-0042", "该处罚已于2026-11-01撤销", false);

    public static readonly ApplicationRequest ApplicationRequest = new("objection", "enterprise", Enterprise, "scj-2026-000123#0", "该处罚决定已被行政复议撤销", "13800000000");

    public static readonly ApplicationReasonRequest ApplicationReasonRequest = new("申请材料不全，请补充行政复议决定书后重新申请");

    public static readonly ResolveRequest ResolveRequest = new(true, "经核实，原处罚决定已撤销");

    public static readonly InspectionRequest InspectionRequest = new("insp-2026-0310", "2026-11-20",
        [new FindingRequest("f-2026-0310-1", "食品安全", "冷柜温度不达标", "2026-12-05")]);

    public static readonly RectifyRequest RectifyRequest = new("2026-11-27");

    public static readonly ExpelRequest ExpelRequest = new("屡次整改不到位，经街区联席会议决定清退");

    public static readonly ComplaintRequest ComplaintRequest = new("买的水果缺斤短两", "13800000000");

    public static readonly VerdictRequest VerdictRequest = new(true);

    public static readonly LicenceRequest LicenceRequest = new("scj-xk-2026-0815", "enterprise", Enterprise, "食品经营许可证", "JY13703030012345",
        "预包装食品销售（含冷藏冷冻食品）", "2026-11-20", "2026-11-20", "2031-11-19");

    public static readonly CommitmentRequest CommitmentRequest = new("scj-cn-2026-0042", "enterprise", Enterprise, "告知承诺",
        "本单位承诺所提交的材料真实有效，如有不实愿承担相应责任。", "2026-11-18");

    public static readonly RowDecisionRequest RowDecisionRequest = new(-50, null);

    public static readonly ReviewRequest ReviewRequest = new(5, "服务热情，明码标价");

    public static readonly IncidentRequest IncidentRequest = new("inc-2026-0007", "某仓库火情", "火灾事故", "较大", "2026-11-28T01:00:00Z", "张店区马尚街道");

    public static readonly LevelRequest LevelRequest = new(2);

    public static readonly ReleaseRequest ReleaseRequest = new("authoritative", "2026-11-28T03:00:00Z");
}
