using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Grid;

/// <summary>PUT /api/v1/subjects/{kind}/{id}, validated.</summary>
[GenerateSerializer, Immutable]
public sealed record SubjectRegistration
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public DateOnly? RegisteredAt { get; init; }
    [Id(2)] public IReadOnlyList<string> LegalRepresentatives { get; init; } = [];
    [Id(3)] public string? EnterpriseType { get; init; }
    [Id(4)] public string? Street { get; init; }
    [Id(5)] public string? Unit { get; init; }
    /// <summary>Institutions: party-government | public-institution | social-organisation | village-community | other.</summary>
    [Id(6)] public string? InstitutionType { get; init; }
    /// <summary>Institutions: the staff list (replaces the whole list when given).</summary>
    [Id(7)] public IReadOnlyList<StaffMember>? Staff { get; init; }
}

/// <summary>A person on an institution's staff (domain-rules §6): role head | deputy | staff, from (and to) dates.</summary>
[GenerateSerializer, Immutable]
public sealed record StaffMember(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string Role,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly? To)
{
    /// <summary>§6: a staff member receives an honour when from ≤ its occurredAt (&lt; to if given).</summary>
    public bool ServedOn(DateOnly date) => From <= date && (To is not { } to || date < to);
}

/// <summary>A validated credit event, as the intake log keeps it and the subject grain applies it.</summary>
[GenerateSerializer, Immutable]
public sealed record CreditEvent
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required SubjectKind SubjectKind { get; init; }
    [Id(2)] public required string SubjectId { get; init; }
    [Id(3)] public required string Indicator { get; init; }
    [Id(4)] public required string Department { get; init; }
    [Id(5)] public required DateOnly OccurredAt { get; init; }
    [Id(6)] public DateOnly? EndedAt { get; init; }
    [Id(7)] public string? ActionRef { get; init; }
    [Id(8)] public int? Points { get; init; }
    [Id(9)] public decimal? Amount { get; init; }
    [Id(10)] public AmountKind? AmountKind { get; init; }
    [Id(11)] public int? ValidityYears { get; init; }
    [Id(12)] public string? Note { get; init; }
    [Id(13)] public required DateOnly ReportedAt { get; init; }
    /// <summary>Honours on a unit: collective | district-lead | town | group (domain-rules §6).</summary>
    [Id(14)] public string? HonourScope { get; init; }
    /// <summary>警告 reported on the 通报批评 row (§3 rule 8); null otherwise.</summary>
    [Id(15)] public string? PenaltyKind { get; init; }
    /// <summary>E-PLEDGE-* rows: the commitment breached (http-api "Department desk"); left out of the JSON when null so earlier events keep their hash.</summary>
    [Id(16), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? CommitmentRef { get; init; }
}

/// <summary>What a subject grain did with one event.</summary>
[GenerateSerializer, Immutable]
public sealed record ApplyOutcome(
    [property: Id(0)] string EventId,
    [property: Id(1)] EventState State,
    [property: Id(2)] IReadOnlyList<string> RecordIds,
    [property: Id(3)] string? Reason);

/// <summary>accepted → (delivered: in the dossier, fan-out pending) → applied | rejected.</summary>
[GenerateSerializer]
public enum EventState
{
    Accepted,
    Delivered,
    Applied,
    Rejected,
}

/// <summary>A record command for a grain: revoke, repair, objection.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordCommandResult(
    [property: Id(0)] bool Found,
    [property: Id(1)] string? Error,
    [property: Id(2)] IReadOnlyList<string> AffectedRecordIds,
    [property: Id(3)] string? EnglishError = null);

/// <summary>POST /api/v1/records/{recordId}/objections, validated, with its dates (L815).</summary>
[GenerateSerializer, Immutable]
public sealed record NewObjection(
    [property: Id(0)] string ObjectionId,
    [property: Id(1)] string RecordId,
    [property: Id(2)] string? Reason,
    [property: Id(3)] bool NeedsOtherUnits,
    [property: Id(4)] DateOnly OpenedAt,
    [property: Id(5)] DateOnly DueAt);

[GenerateSerializer]
public enum ObjectionOutcome
{
    Created,
    /// <summary>The same id on the same record: answered from what is stored.</summary>
    Existing,
    /// <summary>The id is already used for another record of this subject.</summary>
    OtherRecord,
    NoRecord,
    NoObjection,
    AlreadyClosed,
    Resolved,
}

/// <summary>An objection as its subject grain holds it.</summary>
[GenerateSerializer, Immutable]
public sealed record ObjectionState(
    [property: Id(0)] string ObjectionId,
    [property: Id(1)] string RecordId,
    [property: Id(2)] string Status,
    [property: Id(3)] DateOnly OpenedAt,
    [property: Id(4)] DateOnly DueAt,
    [property: Id(5)] bool? Upheld);

[GenerateSerializer, Immutable]
public sealed record ObjectionResult([property: Id(0)] ObjectionOutcome Outcome, [property: Id(1)] ObjectionState? Objection);

/// <summary>The live view of a subject: its profile and evaluation.</summary>
[GenerateSerializer, Immutable]
public sealed record SubjectView
{
    [Id(0)] public required SubjectKind Kind { get; init; }
    [Id(1)] public required string Id { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public required Evaluation Evaluation { get; init; }
    [Id(4)] public required long Version { get; init; }
    [Id(5)] public string? Color { get; init; }
    [Id(6)] public IReadOnlyList<string> LegalRepresentatives { get; init; } = [];
    [Id(7)] public string? Street { get; init; }
    [Id(8)] public string? Unit { get; init; }
    [Id(9)] public string? EnterpriseType { get; init; }
    [Id(10)] public DateOnly? RegisteredAt { get; init; }
    [Id(11)] public bool Registered { get; init; }
    [Id(12)] public string? InstitutionType { get; init; }
    [Id(13)] public IReadOnlyList<StaffMember> Staff { get; init; } = [];
    /// <summary>Merchants: why the colour is what it is on the date, strongest first (domain-rules §7).</summary>
    [Id(14)] public IReadOnlyList<Merchants.ColorReason>? ColorReasons { get; init; }
    /// <summary>The next dates after asOf on which the evaluation (or a merchant's colour) changes by itself, at most 10.</summary>
    [Id(20)] public IReadOnlyList<NextChange> NextChanges { get; init; } = [];
}

/// <summary>One evaluation change, on the changes stream (dashboard, projections).</summary>
[GenerateSerializer, Immutable]
public sealed record EvaluationChange
{
    [Id(0)] public required SubjectKind Kind { get; init; }
    [Id(1)] public required string Id { get; init; }
    [Id(2)] public string? Name { get; init; }
    [Id(3)] public required int Score { get; init; }
    [Id(4)] public int? PreviousScore { get; init; }
    [Id(5)] public string? Grade { get; init; }
    [Id(6)] public string? PreviousGrade { get; init; }
    [Id(7)] public int? Stars { get; init; }
    [Id(8)] public int? PreviousStars { get; init; }
    [Id(9)] public string? Color { get; init; }
    [Id(10)] public string? PreviousColor { get; init; }
    [Id(11)] public string? EventId { get; init; }
    [Id(12)] public required DateTimeOffset At { get; init; }
    [Id(13)] public required long Version { get; init; }
    [Id(14)] public string? Street { get; init; }
    /// <summary>The department whose action caused the change (the event's), or "系统" for time-driven ones (change log).</summary>
    [Id(15)] public string? Department { get; init; }
    /// <summary>The subject is downgraded on the day (§4), for followers that project it (a merchant's search row).</summary>
    [Id(16)] public bool Downgraded { get; init; }
}

/// <summary>
/// Evaluation changes of one kind that one silo announced in one round (architecture "Speed in the production shape":
/// one message per round and kind), in the order they were stored.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EvaluationChanges([property: Id(0)] IReadOnlyList<EvaluationChange> Changes);

/// <summary>
/// A delivery from one subject to a linked one (domain-rules §6), kept in the source's outbox until acknowledged.
/// Either a derived record to add, or a status change (revoke/repair) of an earlier derived record.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FanOutDelivery
{
    [Id(0)] public required string DeliveryId { get; init; }
    [Id(1)] public required SubjectKind SourceKind { get; init; }
    [Id(2)] public required string SourceId { get; init; }
    [Id(3)] public required string SourceEventId { get; init; }
    [Id(4)] public required SubjectKind TargetKind { get; init; }
    [Id(5)] public required string TargetId { get; init; }
    [Id(6)] public CreditRecord? Record { get; init; }
    [Id(7)] public string? TargetRecordId { get; init; }
    [Id(8)] public RecordState? NewState { get; init; }
    [Id(9)] public DateOnly? StateChangedAt { get; init; }
    [Id(10)] public string? StateReason { get; init; }
}
