using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// The subject's lines of the change log (http-api "Work queues and the change log", docs/change-log.md): a score
/// change (one per write, with the event that caused it and its department) and objections opened or closed.
/// </summary>
public abstract partial class SubjectGrain
{
    private readonly ChangeLogger _log = new();

    /// <summary>The department whose action the next write records (the event's, the record's); null = time-driven (系统).</summary>
    private string? _cause;

    /// <summary>
    /// Turns what this write changed into pending lines of the state (written in its transaction). A subject's first
    /// evaluation is a line only when an event made it (then `from` is null); a registration alone logs nothing.
    /// Merchants log no score of their own: their enterprise does (http-api change-log rules).
    /// </summary>
    private IReadOnlyList<ChangeEntry> StampChanges(EvaluationChange? change)
    {
        if (change is not null && change.Score != change.PreviousScore && (change.PreviousScore is not null || change.EventId is not null))
            _log.Note(ChangeKinds.Score, Number(change.PreviousScore), Number(change.Score), change.EventId, change.Department);
        _cause = null;
        return _log.Stamp(Dossier.Changes(), Kind.ToWire(), Id, Dossier.Name, Dossier.Street, Dossier.Version, services.Clock.Now);
    }

    /// <summary>An objection line (L815): opened → "open", resolved → "closed"; the department is the record's.</summary>
    private void LogObjection(string? from, string to, CreditRecord record) =>
        _log.Note(ChangeKinds.Objection, from, to, record.EventId, record.Department);

    private static string? Number(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
