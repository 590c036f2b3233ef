using Orleans.Concurrency;

namespace CreditGrid.Core.Grid;

/// <summary>
/// GET /api/v1/stats/grades: counted over the durable subject_summary projection (written in the same transaction as
/// each subject's state), so the counts equal the persisted evaluations after any crash (issue 11, item 14).
/// </summary>
public interface IStatsGrain : IGrainWithIntegerKey
{
    [ReadOnly] Task<GradeDistribution> Grades();
}

/// <summary>Subjects per grade (officials: per star), and when that was counted (http-api "Work queues").</summary>
[GenerateSerializer, Immutable]
public sealed record GradeDistribution(
    [property: Id(0)] IReadOnlyDictionary<string, int> Enterprise,
    [property: Id(1)] IReadOnlyDictionary<string, int> Person,
    [property: Id(2)] IReadOnlyDictionary<string, int> Merchant,
    [property: Id(3)] IReadOnlyDictionary<string, int> Official,
    [property: Id(4)] string ComputedAt)
{
    public static readonly string[] GradeBuckets = ["AAA", "AA", "A+", "A", "A-", "B", "C", "D"];
    public static readonly string[] StarBuckets = ["1", "2", "3", "4", "5", "6"];

    /// <summary>Same counts, whenever computed.</summary>
    public bool SameCounts(GradeDistribution other) =>
        Same(Enterprise, other.Enterprise) && Same(Person, other.Person) && Same(Merchant, other.Merchant) && Same(Official, other.Official);

    private static bool Same(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var n) && n == kv.Value);
}

/// <summary>The grade counts of the subject_summary projection (kept beside it by triggers, grade_counts).</summary>
public interface IGradeCounts
{
    /// <summary>(kind, grade, stars) → subjects.</summary>
    Task<IReadOnlyList<(string Kind, string? Grade, int? Stars, int Count)>> Count(CancellationToken ct = default);
}
