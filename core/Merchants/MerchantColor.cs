namespace CreditGrid.Core.Merchants;

/// <summary>The four-level street status (L452, L3336): red list, blue, yellow (supervised rectification), black.</summary>
[GenerateSerializer]
public enum MerchantColor
{
    Red,
    Blue,
    Yellow,
    Black,
}

/// <summary>An inspection finding on a street merchant (L3336 areas), from its inspection date, open until rectified.</summary>
[GenerateSerializer, Immutable]
public sealed record InspectionFinding(
    [property: Id(0)] string FindingId,
    [property: Id(1)] string Area,
    [property: Id(2)] DateOnly Deadline,
    [property: Id(3)] DateOnly? RectifiedAt,
    [property: Id(4)] DateOnly FoundAt);

/// <summary>A consumer complaint as it bears on the colour: the department's verdict and whether it was resolved.</summary>
[GenerateSerializer, Immutable]
public sealed record ComplaintStanding(
    [property: Id(0)] string ComplaintId,
    [property: Id(1)] DateOnly ReceivedAt,
    [property: Id(2)] bool? Substantiated,
    [property: Id(3)] DateOnly? ResolvedAt);

public static class MerchantColors
{
    /// <summary>L3336: the eight inspection areas of the pilot street.</summary>
    public static readonly IReadOnlyList<string> InspectionAreas =
        ["环境卫生", "市容街貌", "病媒生物防治", "食品安全", "消防安全", "明码标价", "产品质量", "广告宣传"];

    public static string ToWire(this MerchantColor color) => color switch
    {
        MerchantColor.Red => "red",
        MerchantColor.Blue => "blue",
        MerchantColor.Yellow => "yellow",
        MerchantColor.Black => "black",
        _ => throw new ArgumentOutOfRangeException(nameof(color)),
    };

    /// <summary>
    /// Interpretation of L3328/L3336 (domain-rules §7), evaluated on <paramref name="asOf"/>:
    /// black — grade D, a finding past its deadline unrectified, or expelled;
    /// yellow — grade C, an open finding within its deadline, or a substantiated complaint unresolved;
    /// red — grade A+ or better with nothing open and no substantiated complaint in the last 12 months;
    /// blue — everything else.
    /// </summary>
    public static MerchantColor Evaluate(
        string grade,
        IReadOnlyCollection<InspectionFinding> findings,
        IReadOnlyCollection<ComplaintStanding> complaints,
        DateOnly? expelledSince,
        DateOnly asOf) => Explain(grade, findings, complaints, expelledSince, asOf).Color;

    /// <summary>
    /// The colour on <paramref name="asOf"/> with every reason that holds then, strongest first (a red merchant has none).
    /// §7: only what existed on that date counts — a finding from its inspection date, a complaint from its receipt,
    /// an expulsion from its date.
    /// </summary>
    public static (MerchantColor Color, IReadOnlyList<ColorReason> Reasons) Explain(
        string grade,
        IReadOnlyCollection<InspectionFinding> findings,
        IReadOnlyCollection<ComplaintStanding> complaints,
        DateOnly? expelledSince,
        DateOnly asOf)
    {
        var reasons = new List<ColorReason>();
        var open = findings.Where(f => f.FoundAt <= asOf && (f.RectifiedAt is not { } r || r > asOf)).OrderBy(f => f.Deadline).ToList();
        var received = complaints.Where(c => c.ReceivedAt <= asOf && c.Substantiated == true).ToList();

        if (grade == "D") reasons.Add(new("grade-d", "企业信用等级为D（严重失信）", null));
        foreach (var f in open.Where(f => f.Deadline < asOf))
            reasons.Add(new("overdue-finding", $"{f.Area}问题逾期未整改（整改期限{f.Deadline:yyyy-MM-dd}）", f.FindingId));
        if (expelledSince is { } since && since <= asOf) reasons.Add(new("expelled", $"{since:yyyy-MM-dd}起被清退出示范街", null));
        if (reasons.Count > 0) return (MerchantColor.Black, reasons);

        if (grade == "C") reasons.Add(new("grade-c", "企业信用等级为C（一般失信）", null));
        foreach (var f in open)
            reasons.Add(new("open-finding", $"{f.Area}问题正在整改（整改期限{f.Deadline:yyyy-MM-dd}）", f.FindingId));
        foreach (var c in received.Where(c => c.ResolvedAt is not { } r || r > asOf))
            reasons.Add(new("unresolved-complaint", $"{c.ReceivedAt:yyyy-MM-dd}收到的消费者投诉经核实属实，尚未办结", c.ComplaintId));
        if (reasons.Count > 0) return (MerchantColor.Yellow, reasons);

        foreach (var c in received.Where(c => c.ReceivedAt > asOf.AddMonths(-12)))
            reasons.Add(new("recent-complaint", $"近12个月内有经核实属实的消费者投诉（{c.ReceivedAt:yyyy-MM-dd}收到）", c.ComplaintId));
        if (grade is not ("AAA" or "AA" or "A+"))
            reasons.Add(new("grade", $"企业信用等级为{grade}，红名单需A+及以上", null));
        return (reasons.Count > 0 ? MerchantColor.Blue : MerchantColor.Red, reasons);
    }
}

/// <summary>Why a merchant has its colour (http-api "Subjects", colorReasons): reason code, Chinese text, the finding/complaint it names.</summary>
[GenerateSerializer, Immutable]
public sealed record ColorReason(
    [property: Id(0)] string Reason,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Ref);
