using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

/// <summary>An incident's state carries its change log lines (docs/change-log.md) and projects nothing else.</summary>
public sealed partial class IncidentState : IProjectedState
{
    [NonSerialized] private PendingChanges? _changes;
    public PendingChanges Changes() => _changes ??= new(); // a method: no serializer (binary or the older JSON) sees it

    public SubjectSummary? Summary(string grainKey) => null;

    public IReadOnlyList<Objection> Objections(string grainKey) => [];
}

/// <summary>
/// Every step of an incident is one emergency line (http-api change log: kind "emergency", id = incidentId): `from` and
/// `to` are its status before and after (reported | warning | responding | ended), the department the key's, 系统 for
/// a deadline that passed.
/// </summary>
public sealed partial class IncidentGrain
{
    private readonly ChangeLogger _log = new();
    /// <summary>The status the last write stored; null before the report.</summary>
    private string? _written;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _written = S.Reported ? S.Status : null;
        return base.OnActivateAsync(cancellationToken);
    }

    private IReadOnlyList<ChangeEntry> StampChange(string by)
    {
        _log.Note(ChangeKinds.Emergency, _written, S.Status, S.Report!.IncidentId, by == "system" ? ChangeKinds.System : by);
        _written = S.Status;
        return _log.Stamp(S.Changes(), "emergency", Id, S.Report.Title, null, S.History.Count, clock.Now);
    }
}
