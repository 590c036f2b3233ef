namespace CreditGrid.Core.Rules;

/// <summary>
/// One date after asOf on which the evaluation changes by itself (http-api "Subjects", nextChanges): the values as they
/// will be from that day on, and what changes, in Chinese.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NextChange(
    [property: Id(0)] DateOnly On,
    [property: Id(1)] string What,
    [property: Id(2)] int? Score,
    [property: Id(3)] string? Grade,
    [property: Id(4)] int? Stars,
    [property: Id(5)] string? Color);
