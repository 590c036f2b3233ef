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

/// <summary>An inspection finding on a street merchant (L3336 areas), open until rectified.</summary>
[GenerateSerializer, Immutable]
public sealed record InspectionFinding(
    [property: Id(0)] string FindingId,
    [property: Id(1)] string Area,
    [property: Id(2)] DateOnly Deadline,
    [property: Id(3)] DateOnly? RectifiedAt);

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
        bool expelled,
        DateOnly asOf)
    {
        var openFindings = findings.Where(f => f.RectifiedAt is not { } r || r > asOf).ToList();
        if (expelled || grade == "D" || openFindings.Any(f => f.Deadline < asOf))
            return MerchantColor.Black;
        var unresolved = complaints.Any(c => c.Substantiated == true && c.ReceivedAt <= asOf && (c.ResolvedAt is not { } r || r > asOf));
        if (grade == "C" || openFindings.Count > 0 || unresolved)
            return MerchantColor.Yellow;
        var recentSubstantiated = complaints.Any(c => c.Substantiated == true && c.ReceivedAt <= asOf && c.ReceivedAt > asOf.AddMonths(-12));
        return grade is "AAA" or "AA" or "A+" && !recentSubstantiated ? MerchantColor.Red : MerchantColor.Blue;
    }
}
