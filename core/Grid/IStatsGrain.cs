using Orleans.Concurrency;

namespace CreditGrid.Core.Grid;

/// <summary>
/// Live grade distribution per subject kind, kept from the changes stream (each change moves one subject from its
/// previous grade to its new one), never by scanning subjects.
/// </summary>
public interface IStatsGrain : IGrainWithIntegerKey
{
    Task Start();
    [ReadOnly] Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> Grades();
}
