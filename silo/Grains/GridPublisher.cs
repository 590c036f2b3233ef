using System.Collections.Concurrent;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using Orleans.Streams;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// The changes streams (one per kind), made once per silo and shared by every grain that announces. A grain's own
/// GetStreamProvider(…).GetStream(…) builds a stream directory inside each activation: about 0.8 KB of the ~4.9 KB a
/// resident subject cost (docs/benchmarks.md, memory).
/// </summary>
public sealed class GridPublisher(IServiceProvider services)
{
    private readonly ConcurrentDictionary<SubjectKind, IAsyncStream<EvaluationChange>> _changes = new();

    public Task Announce(EvaluationChange change) =>
        _changes.GetOrAdd(change.Kind, kind => services.GetRequiredKeyedService<IStreamProvider>(GridStreams.Provider)
                .GetStream<EvaluationChange>(StreamId.Create(GridStreams.Changes, kind.ToWire())))
            .OnNextAsync(change);
}
