using CreditGrid.Core;
using CreditGrid.Core.Grid;
using Orleans.Streams;

namespace CreditGrid.Silo.Grains;

[GenerateSerializer]
public sealed class StatsState
{
    /// <summary>kind → grade (or stars "1".."6" for officials) → subjects.</summary>
    [Id(0)] public Dictionary<string, Dictionary<string, int>> Counts { get; set; } = [];
}

/// <summary>The single consumer of the changes streams for the grade distribution; written every few seconds when it moved.</summary>
public sealed class StatsGrain([PersistentState("stats", "credit")] IPersistentState<StatsState> state) : Grain, IStatsGrain
{
    private static readonly string[] Kinds = ["enterprise", "person", "official", "merchant"];
    private static readonly string[] GradeBuckets = ["AAA", "AA", "A+", "A", "A-", "B", "C", "D"];
    private static readonly string[] StarBuckets = ["1", "2", "3", "4", "5", "6"];
    private bool _dirty;

    public Task Start() => Task.CompletedTask; // activation subscribes

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(GridStreams.Provider);
        foreach (var kind in Kinds)
        {
            var stream = provider.GetStream<EvaluationChange>(StreamId.Create(GridStreams.Changes, kind));
            var handles = await stream.GetAllSubscriptionHandles();
            if (handles.Count == 0) await stream.SubscribeAsync(OnChange);
            else foreach (var h in handles) await h.ResumeAsync(OnChange);
        }
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)) { KeepAlive = true });
        await base.OnActivateAsync(cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> Grades() =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>>(Kinds.ToDictionary(
            k => k,
            k => (IReadOnlyDictionary<string, int>)(k == "official" ? StarBuckets : GradeBuckets)
                .ToDictionary(b => b, b => state.State.Counts.GetValueOrDefault(k)?.GetValueOrDefault(b) ?? 0)));

    private Task OnChange(EvaluationChange change, StreamSequenceToken? token)
    {
        var kind = change.Kind.ToWire();
        var before = change.Kind == SubjectKind.Official ? change.PreviousStars?.ToString() : change.PreviousGrade;
        var after = change.Kind == SubjectKind.Official ? change.Stars?.ToString() : change.Grade;
        if (change.PreviousScore is null) before = null; // first sight of the subject
        if (before == after && change.PreviousScore is not null) return Task.CompletedTask;
        var counts = state.State.Counts.TryGetValue(kind, out var c) ? c : state.State.Counts[kind] = [];
        if (before is not null && counts.GetValueOrDefault(before) > 0) counts[before]--;
        if (after is not null) counts[after] = counts.GetValueOrDefault(after) + 1;
        _dirty = true;
        return Task.CompletedTask;
    }

    private async Task Flush(CancellationToken ct)
    {
        if (!_dirty) return;
        _dirty = false;
        await state.WriteStateAsync(ct);
    }
}
