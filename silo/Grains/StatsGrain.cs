using CreditGrid.Core.Grid;
using Orleans.Concurrency;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// The grade distribution, read from grade_counts (kept by triggers beside the durable subject_summary projection) rather than kept from the changes
/// stream: a stream message lost in a crash (or dropped when its queue is full) can no longer falsify it (issue 11,
/// item 14). One activation per silo; a count serves the calls of the next half second (the contract allows 2 s).
/// </summary>
[StatelessWorker(1)]
public sealed class StatsGrain(IGradeCounts counts, GridClock clock) : Grain, IStatsGrain
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMilliseconds(500);
    private GradeDistribution? _last;
    private DateTimeOffset _lastAt;
    private Task<GradeDistribution>? _counting;

    public Task<GradeDistribution> Grades()
    {
        if (_last is not null && TimeProvider.System.GetUtcNow() - _lastAt < Fresh) return Task.FromResult(_last);
        // Calls that meet a count in flight share it.
        return _counting is { IsCompleted: false } counting ? counting : _counting = CountNow();
    }

    private async Task<GradeDistribution> CountNow()
    {
        var rows = await counts.Count();
        Dictionary<string, int> Of(string kind, string[] buckets, Func<(string Kind, string? Grade, int? Stars, int Count), string?> bucket) =>
            buckets.ToDictionary(b => b, b => rows.Where(r => r.Kind == kind && bucket(r) == b).Sum(r => r.Count));
        var grades = (Func<(string, string?, int?, int), string?>)(r => r.Item2);
        _last = new GradeDistribution(
            Of("enterprise", GradeDistribution.GradeBuckets, grades),
            Of("person", GradeDistribution.GradeBuckets, grades),
            Of("merchant", GradeDistribution.GradeBuckets, grades),
            Of("official", GradeDistribution.StarBuckets, r => r.Stars?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            clock.Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        _lastAt = TimeProvider.System.GetUtcNow();
        return _last;
    }
}
