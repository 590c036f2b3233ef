using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>The engine's scratch state for one record while an evaluation is being built.</summary>
internal sealed class RecordWork(CreditRecord record, CatalogEntry entry)
{
    public static readonly Comparison<RecordWork> Chronological = (a, b) =>
    {
        var c = a.Record.OccurredAt.CompareTo(b.Record.OccurredAt);
        if (c == 0) c = a.Record.ReportedAt.CompareTo(b.Record.ReportedAt);
        return c != 0 ? c : string.CompareOrdinal(a.Record.RecordId, b.Record.RecordId);
    };

    public CreditRecord Record { get; } = record;
    public CatalogEntry Entry { get; } = entry;
    public int Base { get; init; }
    public int Effective { get; set; }
    public DateOnly ExpiresAt { get; set; }
    public bool Late { get; set; }
    public RecordStatus Status { get; private set; }
    public string Source { get; set; } = "";
    private string _explanation = "";

    public bool Counts => Status is RecordStatus.Active or RecordStatus.Objected;

    public void Set(RecordStatus status, string explanation)
    {
        Status = status;
        _explanation = explanation;
    }

    public void Note(string text) => _explanation += "；" + text;

    /// <summary>Whether this record counted on a given date (for L1511 repeats), whatever the evaluation date.</summary>
    public bool CountedOn(DateOnly date) =>
        Record.State != RecordState.Revoked
        && Record.OccurredAt <= date && date < ExpiresAt
        && Record.ReportedAt < ExpiresAt
        && !(Record.State == RecordState.Repaired && Record.StateChangedAt <= date);

    public RecordEvaluation ToEvaluation() => new()
    {
        RecordId = Record.RecordId,
        EventId = Record.EventId,
        Indicator = Entry.Code,
        Group = Entry.Group,
        Name = Entry.Name,
        Department = Record.Department,
        ActionRef = Record.ActionRef,
        BasePoints = Base,
        EffectivePoints = Effective,
        Status = Status,
        OccurredAt = Record.OccurredAt,
        ExpiresAt = ExpiresAt,
        Late = Late,
        DerivedFrom = Record.DerivedFrom,
        Explanation = _explanation,
    };
}
