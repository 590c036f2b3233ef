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

    public readonly CreditRecord Record = record;
    public readonly CatalogEntry Entry = entry;
    public int Base;
    public int Effective;
    public DateOnly ExpiresAt;
    public ValidityBasis Basis;
    public bool Late;
    public RecordStatus Status;
    public bool ReportedAfterValidity;
    public bool Doubled;
    public int? AmountYear;
    public int AmountShare;
    public int? CapYear;
    public int Cap;
    public int CapLine;
    public string? SupersededBy;
    public int SupersedeLine;
    /// <summary>The decision (department + actionRef, sanction or commendation) this record belongs to, when it has one.</summary>
    public Decision? Decision;

    public bool Counts => Status is RecordStatus.Active or RecordStatus.Objected;

    /// <summary>Whether this record counted on a given date (for L1511 repeats), whatever the evaluation date.</summary>
    public bool CountedOn(DateOnly date) =>
        Record.State != RecordState.Revoked
        && Record.OccurredAt <= date && date < ExpiresAt
        && !ReportedAfterValidity
        && !(Record.State == RecordState.Repaired && Record.StateChangedAt <= date);

    public RecordEvaluation ToEvaluation(bool unscored) => new()
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
        SeedLine = Entry.SeedLine,
        ValidityBasis = Basis,
        ReportedAfterValidity = ReportedAfterValidity,
        Doubled = Doubled,
        AmountYear = AmountYear,
        AmountShare = AmountShare,
        CapYear = CapYear,
        Cap = Cap,
        CapLine = CapLine,
        SupersededBy = SupersededBy,
        SupersedeLine = SupersedeLine,
        StateChangedAt = Record.StateChangedAt,
        StateReason = Record.StateReason,
        PenaltyKind = Record.PenaltyKind,
        CommitmentRef = Record.CommitmentRef,
        Unscored = unscored,
    };
}

/// <summary>One decision's records (§3 rule 1): the one that keeps its points.</summary>
internal sealed class Decision
{
    public required RecordWork Kept;
}
