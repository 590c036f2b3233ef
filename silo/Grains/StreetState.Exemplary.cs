using CreditGrid.Core.Street;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

/// <summary>One 诚信经营示范店 of a street as the red list shows it (domain-rules §9; the ranking is §7, L3338).</summary>
[GenerateSerializer, Immutable]
public sealed record ExemplaryEntry(
    [property: Id(0)] int Rank,
    [property: Id(1)] string MerchantId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Grade,
    [property: Id(4)] DateOnly Since);

/// <summary>
/// The street's share of the 诚信红黑榜 (domain-rules §9: "plus each street's 诚信经营示范店"): its top 10 projected to
/// <c>public_exemplary</c> in the same transaction as the street's state, only when the top 10 changed, and written
/// again by rebuild-projections (docs/portal.md).
/// </summary>
public sealed partial class StreetState : IProjectedState
{
    private long _exemplaryRevision;
    private long _exemplaryWritten;

    SubjectSummary? IProjectedState.Summary(string grainKey) => null;

    IReadOnlyList<CreditGrid.Core.Grid.Objection> IProjectedState.Objections(string grainKey) => [];

    ExemplaryRows? IProjectedState.Exemplary(string grainKey, bool all) =>
        all || _exemplaryRevision != _exemplaryWritten ? new ExemplaryRows(grainKey, [.. Exemplary], _exemplaryRevision, Fresh: all) : null;

    void IProjectedState.ExemplaryCommitted(ExemplaryRows written) => _exemplaryWritten = Math.Max(_exemplaryWritten, written.Revision);

    /// <summary>Ranks the tiles again (§7, Ranking.Exemplary); true when the top 10 changed. A merchant that stays keeps its day.</summary>
    public bool Rank(string street, DateOnly today)
    {
        var since = Exemplary.ToDictionary(e => e.MerchantId, e => e.Since, StringComparer.Ordinal);
        var grades = Tiles.ToDictionary(t => t.Key, t => t.Value.Grade, StringComparer.Ordinal);
        List<ExemplaryEntry> ranked = [.. Ranking.Exemplary(Tiles.Values).Select(m =>
            new ExemplaryEntry(m.Rank, m.Id, m.Name, grades.GetValueOrDefault(m.Id), since.TryGetValue(m.Id, out var d) ? d : today))];
        if (ranked.SequenceEqual(Exemplary)) return false;
        Exemplary = ranked;
        _exemplaryRevision++;
        return true;
    }

    /// <summary>The red list's reason for a 示范店 (people-facing, no line numbers).</summary>
    public static string Reason(string street, int rank) => $"{street}诚信经营示范店（第 {rank} 名）";
}
