using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Citations;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>Turns a request into a credit event or refuses it (400 malformed, 403 role, 422 domain rule).</summary>
public static class EventValidator
{
    public static CreditEvent Validate(EventRequest r, Caller caller, DateOnly today, IndicatorCatalog catalog)
    {
        var eventId = Fields.Identifier(r.EventId, "eventId");
        var kind = Fields.Kind(r.SubjectKind);
        var subjectId = Fields.SubjectId(kind, r.SubjectId);
        var occurredAt = Fields.NotFuture(Fields.Date(r.OccurredAt, "occurredAt"), today, "occurredAt");
        var endedAt = Fields.OptionalDate(r.EndedAt, "endedAt");
        if (endedAt is { } ended)
        {
            Fields.NotFuture(ended, today, "endedAt");
            if (ended < occurredAt) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "endedAt", "'endedAt' 早于 'occurredAt'。", "'endedAt' is before 'occurredAt'.");
            // http-api Conventions: endedAt at most 10 years after its occurredAt.
            Fields.AtMostYearsAfter(ended, occurredAt, "endedAt", "occurredAt");
        }
        Fields.Text(r.ActionRef, "actionRef", 200);
        Fields.Text(r.Note, "note", 2000);

        NotCreditInformation(r);
        var indicator = Fields.Required(r.Indicator, "indicator");
        if (kind == SubjectKind.Institution) return Institution(r, eventId, subjectId, indicator, occurredAt, endedAt, caller, today, catalog);
        if (r.HonourScope is not null)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "honourScope", $"honourScope 只用于给非企业法人（institution）的单位荣誉（{PaperIndex.Default.At(RuleLines.UnitHonours)}）。",
                $"'honourScope' is only for unit honours of a non-enterprise legal person (institution) ({PaperIndex.Default.At(RuleLines.UnitHonours)}).");
        if (!catalog.TryGet(indicator, out var entry) || entry.Kind != kind.ScoredAs().ToWire())
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "indicator", $"'{indicator}' 不是 {kind.ScoredAs().ToWire()} 指标目录中的指标（GET /api/v1/catalog/{kind.ToWire()}）。",
                $"'{indicator}' is not a {kind.ScoredAs().ToWire()} indicator of the catalogue (GET /api/v1/catalog/{kind.ToWire()}).");
        if (!entry.Reportable)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "indicator",
                $"'{indicator}' 是 '{entry.BandOf}' 的一个档次：请在 '{entry.BandOf}' 上报送金额。", $"'{indicator}' is a band of '{entry.BandOf}': report the amount on '{entry.BandOf}' instead.");

        var commitmentRef = CommitmentRefs.Validate(r.CommitmentRef, entry.Code);
        var (amount, amountKind) = Amount(r, entry);
        var points = Points(r, entry);

        if (r.ValidityYears is { } years)
        {
            // L1495: only the credit centre decides that an official's case is serious (2 years).
            if (!caller.Is(Roles.CreditCenter))
                throw new Invalid(StatusCodes.Status403Forbidden, $"只有区社会信用中心（credit-center 角色）可以设定 validityYears（{PaperIndex.Default.At(RuleLines.OfficialValidity)}）。", new() { ["validityYears"] = ["需要 credit-center 角色"] })
                {
                    EnglishDetail = $"Only the district credit centre (role credit-center) may set 'validityYears' ({PaperIndex.Default.At(RuleLines.OfficialValidity)}).",
                    EnglishErrors = new() { ["validityYears"] = ["Needs the credit-center role."] },
                };
            if (kind != SubjectKind.Official || years is not (1 or 2))
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "validityYears", $"validityYears 只用于公职人员，取值1或2（{PaperIndex.Default.At(RuleLines.OfficialValidity)}）。",
                    $"'validityYears' is only for officials and is 1 or 2 ({PaperIndex.Default.At(RuleLines.OfficialValidity)}).");
        }
        if (kind.IsNaturalPerson()) Fields.Adult(subjectId, occurredAt, "subjectId");
        // §3 rule 8: a 警告 is reported on the 通报批评 row and keeps its own name in the explanation.
        if (r.PenaltyKind is { } penaltyKind && !Warnings.Fits(penaltyKind, entry.Code))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "penaltyKind",
                $"penaltyKind 只用于通报批评行（{string.Join("、", Warnings.NoticeRows)}），值为“警告”或“通报批评”。",
                $"'penaltyKind' is only for the 通报批评 rows ({string.Join(", ", Warnings.NoticeRows)}) and is \"警告\" or \"通报批评\".");

        return new CreditEvent
        {
            EventId = eventId,
            SubjectKind = kind,
            SubjectId = subjectId,
            Indicator = indicator,
            Department = caller.Department,
            OccurredAt = occurredAt,
            EndedAt = endedAt,
            ActionRef = string.IsNullOrWhiteSpace(r.ActionRef) ? null : r.ActionRef,
            Points = points,
            Amount = amount,
            AmountKind = amountKind,
            ValidityYears = r.ValidityYears,
            Note = r.Note,
            ReportedAt = today,
            PenaltyKind = r.PenaltyKind == Warnings.Warning ? Warnings.Warning : null,
            CommitmentRef = commitmentRef,
        };
    }

    /// <summary>
    /// §3 rule 7 (87号第十四条, L789): a penalty by simplified procedure, or for a minor violation whose harm the subject
    /// removed of its own accord, is not credit information: refused, nothing stored.
    /// </summary>
    private static void NotCreditInformation(EventRequest r)
    {
        const string article = "《张店区市场主体公共信用评价管理办法（试行）》第十四条";
        if (r.SimplifiedProcedure == true)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "simplifiedProcedure", $"适用简易程序作出的行政处罚不作为信用信息（{article}）。",
                $"A penalty decided by the simplified procedure is not credit information ({article}).");
        if (r.MinorCorrected == true)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "minorCorrected", $"违法行为轻微并主动消除或减轻危害后果的，不作为信用信息（{article}）。",
                $"A minor violation whose harm the subject removed or reduced of its own accord is not credit information ({article}).");
    }

    /// <summary>
    /// http-api "Institutions and unit honours": a unit honour (a person-table 表彰信息/通报表扬信息 row with its
    /// honourScope, domain-rules §6) or an enterprise severe-list row; nothing else, no points or amounts.
    /// </summary>
    private static CreditEvent Institution(EventRequest r, string eventId, string subjectId, string indicator, DateOnly occurredAt,
        DateOnly? endedAt, Caller caller, DateOnly today, IndicatorCatalog catalog)
    {
        if (!catalog.TryGet(indicator, out var entry) || !IndicatorCatalog.FitsInstitution(entry))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "indicator",
                $"'{indicator}' 不是单位可获得的指标：单位荣誉用个人积分表的表彰信息/通报表扬信息行，严重失信用市场主体表的严重失信名单行（GET /api/v1/catalog/institution）。",
                $"'{indicator}' is not an indicator an institution can receive: unit honours use the person table's 表彰信息/通报表扬信息 rows, severe dishonesty the market-subject table's severe-list rows (GET /api/v1/catalog/institution).");
        var honour = UnitHonours.IsHonourRow(entry.Code);
        if (honour && !UnitHonours.Scopes.Contains(r.HonourScope))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "honourScope", $"单位荣誉须注明 honourScope：collective、district-lead、town 或 group（{PaperIndex.Default.At(RuleLines.UnitHonours)}）。",
                $"A unit honour states 'honourScope': collective, district-lead, town or group ({PaperIndex.Default.At(RuleLines.UnitHonours)}).");
        if (!honour && r.HonourScope is not null)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "honourScope", "严重失信记录没有 honourScope。", "A severe-list record has no 'honourScope'.");
        if (r.PenaltyKind is not null)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "penaltyKind", "penaltyKind 只用于市场主体和个人的通报批评行。", "'penaltyKind' is only for the 通报批评 rows of market subjects and persons.");
        CommitmentRefs.Validate(r.CommitmentRef, entry.Code);
        if (r.Points is not null || r.Amount is not null || r.AmountKind is not null || r.ValidityYears is not null)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "points", "单位荣誉和严重失信记录按行的固定分值，不填 points、amount 或 validityYears。",
                "Unit honours and severe-list records score the row's fixed points: leave out 'points', 'amount' and 'validityYears'.");
        return new CreditEvent
        {
            EventId = eventId,
            SubjectKind = SubjectKind.Institution,
            SubjectId = subjectId,
            Indicator = entry.Code,
            Department = caller.Department,
            OccurredAt = occurredAt,
            EndedAt = endedAt,
            ActionRef = string.IsNullOrWhiteSpace(r.ActionRef) ? null : r.ActionRef,
            Note = r.Note,
            ReportedAt = today,
            HonourScope = honour ? r.HonourScope : null,
        };
    }

    /// <summary>§3 rule 2: range rows need points inside the range; fixed rows take their own.</summary>
    private static int? Points(EventRequest r, CatalogEntry entry)
    {
        if (entry.IsRange)
        {
            if (r.Points is not { } p)
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "points", $"'{entry.Code}' 是区间行（{entry.MinPoints}..{entry.MaxPoints}），请填写 'points'。", $"'{entry.Code}' is a range row ({entry.MinPoints}..{entry.MaxPoints}): state 'points'.");
            if (p < entry.MinPoints || p > entry.MaxPoints)
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "points", $"'points' {p} 超出 '{entry.Code}' 的区间 {entry.MinPoints}..{entry.MaxPoints}。", $"'points' {p} is outside {entry.MinPoints}..{entry.MaxPoints} for '{entry.Code}'.");
            return p;
        }
        if (r.Points is { } given && given != entry.Points)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "points",
                entry.AmountRule is null ? $"'{entry.Code}' 为固定 {entry.Points} 分，不填 'points'。" : $"'{entry.Code}' 按 'amount' 计分，不填 'points'。",
                entry.AmountRule is null ? $"'{entry.Code}' is worth {entry.Points} points; leave 'points' out." : $"'{entry.Code}' scores by 'amount'; leave 'points' out.");
        return null;
    }

    /// <summary>§3.4: amount rules need an amount (yuan or hours); donations say cash or goods.</summary>
    private static (decimal?, AmountKind?) Amount(EventRequest r, CatalogEntry entry)
    {
        if (entry.AmountRule is not { } rule)
        {
            if (r.Amount is not null || r.AmountKind is not null)
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "amount", $"'{entry.Code}' 不填金额 'amount'。", $"'{entry.Code}' does not take an amount.");
            return (null, null);
        }
        if (r.Amount is not { } amount || amount <= 0 || amount > 1_000_000_000m)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "amount",
                $"'{entry.Code}' 须填写大于0的 'amount'（{(rule.Unit == "hours" ? "小时" : "元")}），不超过 1,000,000,000。",
                $"'{entry.Code}' needs 'amount' > 0 in {(rule.Unit == "hours" ? "hours" : "yuan")}, at most 1,000,000,000.");
        if (rule.Type != "progressive")
        {
            if (r.AmountKind is not null)
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "amountKind", $"'{entry.Code}' 不填 'amountKind'。", $"'{entry.Code}' takes no 'amountKind'.");
            return (amount, null);
        }
        return r.AmountKind switch
        {
            "cash" => (amount, AmountKind.Cash),
            "goods" when rule.Goods is not null => (amount, AmountKind.Goods),
            "goods" => throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "amountKind", $"'{entry.Code}' 只计现金捐款。", $"'{entry.Code}' counts cash donations only."),
            _ => throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "amountKind", "捐款捐物须填写 'amountKind'：\"cash\"（现金）或 \"goods\"（物资）。", "'amountKind' must be \"cash\" or \"goods\" for donations."),
        };
    }
}
