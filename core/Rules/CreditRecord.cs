namespace CreditGrid.Core.Rules;

/// <summary>Cash or goods: donations are banded separately (domain-rules §3.4).</summary>
[GenerateSerializer]
public enum AmountKind
{
    Cash,
    Goods,
}

/// <summary>What the credit centre has decided about a record, independent of the date it is viewed on.</summary>
[GenerateSerializer]
public enum RecordState
{
    Active,
    /// <summary>L817: revoked or confirmed illegal — not credit information, as if it had never been.</summary>
    Revoked,
    /// <summary>L816, L2488: repaired; stops counting from <see cref="CreditRecord.StateChangedAt"/>.</summary>
    Repaired,
}

/// <summary>
/// One piece of credit information on a subject: what a department reported, plus what the credit centre
/// later decided about it. The rules engine reads these; grains store them in the dossier.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CreditRecord
{
    [Id(0)] public required string RecordId { get; init; }
    [Id(1)] public required string EventId { get; init; }
    [Id(2)] public required string Indicator { get; init; }
    [Id(3)] public required string Department { get; init; }
    /// <summary>The decision the record belongs to (§3 rule 1).</summary>
    [Id(4)] public string? ActionRef { get; init; }
    [Id(5)] public required DateOnly OccurredAt { get; init; }
    /// <summary>Continuing dishonesty: the validity clock starts here (L2470).</summary>
    [Id(6)] public DateOnly? EndedAt { get; init; }
    /// <summary>Points stated on the event, for range rows.</summary>
    [Id(7)] public int? Points { get; init; }
    [Id(8)] public decimal? Amount { get; init; }
    [Id(9)] public AmountKind? AmountKind { get; init; }
    /// <summary>Officials: 2 when the credit centre decides the case is serious (L1495).</summary>
    [Id(10)] public int? ValidityYears { get; init; }
    /// <summary>The date the platform received it (L483 timeliness, L2469 late reports).</summary>
    [Id(11)] public required DateOnly ReportedAt { get; init; }
    [Id(12)] public RecordState State { get; init; } = RecordState.Active;
    /// <summary>The date of revocation or repair.</summary>
    [Id(13)] public DateOnly? StateChangedAt { get; init; }
    [Id(14)] public string? StateReason { get; init; }
    /// <summary>The record this one was fanned out from (§6) or replaces (repair, L2488).</summary>
    [Id(15)] public string? DerivedFrom { get; init; }
    /// <summary>An objection opened on this date keeps the record counting (L815).</summary>
    [Id(16)] public DateOnly? ObjectionOpenedAt { get; init; }
    [Id(17)] public DateOnly? ObjectionClosedAt { get; init; }
    [Id(18)] public string? Note { get; init; }
    /// <summary>An honour on a unit: how it reaches the unit's staff (domain-rules §6).</summary>
    [Id(19)] public string? HonourScope { get; init; }
    /// <summary>A 警告 scored on the 通报批评 row (§3 rule 8).</summary>
    [Id(20)] public string? PenaltyKind { get; init; }
    /// <summary>E-PLEDGE-* rows: the commitment this record breaches (domain-rules §10).</summary>
    [Id(21)] public string? CommitmentRef { get; init; }
}

/// <summary>What the engine needs to know about the subject itself.</summary>
[GenerateSerializer, Immutable]
public sealed record SubjectProfile(
    [property: Id(0)] SubjectKind Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] DateOnly? RegisteredAt);
