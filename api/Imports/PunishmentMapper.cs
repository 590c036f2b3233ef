using System.Globalization;
using System.Text.RegularExpressions;
using CreditGrid.Api.Contracts;
using CreditGrid.Core;
using CreditGrid.Core.Imports;
using CreditGrid.Core.Rules;
using C = CreditGrid.Api.Imports.PunishmentColumns;

namespace CreditGrid.Api.Imports;

/// <summary>domain-rules §11: one row of the national 行政处罚 双公示 file → the event requests it stands for, by no guess.</summary>
public static partial class PunishmentMapper
{
    public static RowDraft Map(FileRow row, PunishmentColumns c, string department)
    {
        var draft = new RowDraft(row.Row);
        var category = c[row, C.Category];
        // §11: 法人及非法人组织 / 个体工商户 → enterprise (USCC); 自然人 → person (证件号码, registered first, §1).
        SubjectKind? kind = category switch
        {
            "法人及非法人组织" or "法人" or "非法人组织" or "个体工商户" => SubjectKind.Enterprise,
            "自然人" => SubjectKind.Person,
            _ => null,
        };
        if (kind is not { } subjectKind)
        {
            draft.Error(C.Category, $"行政相对人类别“{category}”应为 法人及非法人组织、个体工商户 或 自然人。",
                $"行政相对人类别 '{category}' must be 法人及非法人组织, 个体工商户 or 自然人.");
            return draft;
        }
        var idColumn = subjectKind == SubjectKind.Person ? C.IdNumber : C.Uscc;
        draft.Columns["subjectId"] = idColumn;
        draft.Columns["subjectKind"] = C.Category;
        draft.Columns["occurredAt"] = C.DecidedAt;
        draft.Columns["actionRef"] = C.Decision;
        draft.Columns["eventId"] = C.Decision;
        draft.Columns["note"] = C.Remarks;
        draft.Columns["simplifiedProcedure"] = C.Remarks;
        draft.Columns["minorCorrected"] = C.Remarks;
        draft.Columns["indicator"] = C.Kinds;
        draft.Columns["penaltyKind"] = C.Kinds;
        var subjectId = c[row, idColumn];
        var decision = c[row, C.Decision];
        if (decision is null)
        {
            draft.Error(C.Decision, $"'{C.Decision}' 为必填项 (is required)。", $"'{C.Decision}' is required.");
            return draft;
        }
        var remarks = c[row, C.Remarks];
        var said = (remarks ?? "") + (c[row, C.Content] ?? "");
        var request = new EventRequest(null, subjectKind.ToWire(), subjectId, null, Day(c[row, C.DecidedAt]), null, decision,
            null, null, null, null, remarks,
            // §3 rule 7 (87号第十四条): 简易程序, or a minor violation whose harm was removed of the subject's own accord.
            SimplifiedProcedure: remarks?.Contains("简易程序") == true ? true : null,
            MinorCorrected: remarks is not null && (remarks.Contains("主动消除") || remarks.Contains("减轻违法行为危害后果")) ? true : null);
        var rows = PenaltyRows.For(subjectKind);
        string Id(string penalty) => ImportIds.For(department, subjectKind.ToWire(), subjectId ?? "", decision, penalty);

        if (request.SimplifiedProcedure == true || request.MinorCorrected == true)
        {
            // Not credit information whatever the penalty: the validator refuses it with the article (nothing is mapped).
            draft.Events.Add(new DraftEvent(request with { EventId = Id("not-credit-information"), Indicator = rows.Fixed(PenaltyKind.Notice, false) }));
            return draft;
        }
        var parts = Separators().Split(c[row, C.Kinds] ?? "").Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0)
        {
            draft.Error(C.Kinds, $"'{C.Kinds}' 为必填项 (is required)。", $"'{C.Kinds}' is required.");
            return draft;
        }
        var kinds = parts.Select(Classify).ToList();
        // §3 rule 8: 警告 scores on the 通报批评 row and keeps its name; both in one decision are one penalty of that class.
        var warningOnly = kinds.Contains(PenaltyKind.Notice) && parts.All(p => p != Warnings.Notice);
        var lasting = said.Contains("永久") || said.Contains("终身");
        var others = parts.Where(p => Classify(p) == PenaltyKind.Other).Distinct().ToList();
        foreach (var penalty in kinds.Distinct())
        {
            var e = request with { EventId = Id(penalty.ToString()) };
            switch (penalty)
            {
                case PenaltyKind.Fine:
                    if (Amount(row, c, C.Fine, c.FineInYuan, draft) is { } fine)
                        draft.Events.Add(new DraftEvent(e with { Indicator = PenaltyRows.Band(rows.Fines, fine).Code }));
                    break;
                case PenaltyKind.Confiscation:
                    if (Amount(row, c, C.Confiscated, c.ConfiscatedInYuan, draft) is { } amount)
                        draft.Events.Add(new DraftEvent(e with { Indicator = PenaltyRows.Band(rows.Confiscations, amount).Code }));
                    break;
                case PenaltyKind.Detention:
                    if (subjectKind != SubjectKind.Person)
                        draft.Error(C.Kinds, "行政拘留只适用于自然人。", "行政拘留 (detention) applies to natural persons only.");
                    else if (!int.TryParse(c[row, C.DetentionDays], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days <= 0)
                        draft.Error(C.DetentionDays, "行政拘留须在“拘留天数”列填写大于0的整数天数。", "行政拘留 needs the number of days (a whole number above 0) in 拘留天数.");
                    else
                        draft.Events.Add(new DraftEvent(e with { Indicator = PenaltyRows.Band(rows.Detentions, days).Code }));
                    break;
                case PenaltyKind.Other:
                    // §11: anything else is the 其他行政处罚 range row, which needs points: held for the desk, not guessed.
                    draft.Events.Add(new DraftEvent(e with { EventId = Id("Other:" + string.Join("、", others)), Indicator = rows.Other.Code }, NeedsPoints: true));
                    draft.Held = ($"处罚类别“{string.Join("、", others)}”对应“{rows.Other.Name}”（{rows.Other.MinPoints} 至 {rows.Other.MaxPoints} 分），请在导入台给出分值或跳过。",
                        $"处罚类别 '{string.Join("、", others)}' is the range row {rows.Other.Code} ({rows.Other.MinPoints}..{rows.Other.MaxPoints}): give its points on the desk, or skip the row.");
                    break;
                default:
                    draft.Events.Add(new DraftEvent(e with
                    {
                        Indicator = rows.Fixed(penalty, lasting),
                        PenaltyKind = penalty == PenaltyKind.Notice && warningOnly ? Warnings.Warning : null,
                    }));
                    break;
            }
        }
        return draft;
    }

    /// <summary>One 处罚类别 as 行政处罚法 (2021) 第九条 names it; the longer names first (永久限制… before 限制…).</summary>
    private static PenaltyKind Classify(string part) => part switch
    {
        _ when part.Contains("限制开展生产经营活动") => PenaltyKind.BusinessRestricted,
        _ when part.Contains("限制从业") => PenaltyKind.PracticeRestricted,
        _ when part.Contains("责令停产停业") => PenaltyKind.SuspendProduction,
        _ when part.Contains("责令关闭") => PenaltyKind.Closure,
        _ when part.Contains("暂扣许可证") => PenaltyKind.LicenceSuspended,
        _ when part.Contains("降低资质等级") => PenaltyKind.QualificationDowngraded,
        _ when part.Contains("吊销许可证") => PenaltyKind.LicenceRevoked,
        _ when part.Contains("拘留") => PenaltyKind.Detention,
        Warnings.Warning or Warnings.Notice => PenaltyKind.Notice,
        _ when part.Contains("罚款") => PenaltyKind.Fine,
        _ when part.StartsWith("没收", StringComparison.Ordinal) => PenaltyKind.Confiscation,
        _ => PenaltyKind.Other,
    };

    /// <summary>An amount in yuan: the column is 万元 unless its header says （元） (§11).</summary>
    private static decimal? Amount(FileRow row, PunishmentColumns c, string column, bool yuan, RowDraft draft)
    {
        var text = c[row, column]?.Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
            return yuan ? value : value * 10_000m;
        draft.Error(column, $"“{column}”须为大于0的数（单位：{(yuan ? "元" : "万元")}）。", $"'{column}' must be a number above 0 (in {(yuan ? "yuan" : "万元, ten thousand yuan")}).");
        return null;
    }

    /// <summary>2026-10-02, 2026/10/2, 2026.10.2 or 2026年10月2日 → 2026-10-02; anything else goes to the validator as written.</summary>
    private static string? Day(string? text)
    {
        if (text is null) return null;
        var m = DatePattern().Match(text);
        return m.Success && DateOnly.TryParseExact($"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture):D2}-{int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture):D2}",
            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text;
    }

    // §11: several 处罚类别 are separated by ； ; , 、 (and the full-width ，, which the same clerks type).
    [GeneratedRegex("[；;,，、]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?$")]
    private static partial Regex DatePattern();
}
