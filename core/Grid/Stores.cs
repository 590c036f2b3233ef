namespace CreditGrid.Core.Grid;

/// <summary>An event the intake log holds: the validated event and the hash of the request that carried it.</summary>
public sealed record IntakeItem(CreditEvent Event, string BodyHash);

public enum IntakeDisposition
{
    /// <summary>Newly written to the durable log.</summary>
    Accepted,
    /// <summary>Same eventId, same body: nothing written.</summary>
    Duplicate,
    /// <summary>Same eventId, different body: nothing written.</summary>
    Conflict,
}

public sealed record IntakeResult(string EventId, IntakeDisposition Disposition, EventStatus Status);

/// <summary>GET /api/v1/events/{eventId}.</summary>
public sealed record EventStatus(
    string EventId,
    EventState State,
    SubjectKind SubjectKind,
    string SubjectId,
    string Department,
    IReadOnlyList<string> RecordIds,
    string? Reason);

/// <summary>The durable head of ingestion: 202 means the event is in here (architecture: intake log).</summary>
public interface IEventIntake
{
    /// <summary>Writes the new events in one transaction; repeats are answered from what is stored.</summary>
    Task<IReadOnlyList<IntakeResult>> Accept(IReadOnlyList<IntakeItem> items, CancellationToken ct = default);

    Task<EventStatus?> Status(string eventId, CancellationToken ct = default);
}

/// <summary>Where a record lives, for the record workflows.</summary>
public sealed record RecordLocation(string RecordId, SubjectKind Kind, string SubjectId, string Department, string EventId);

public interface IRecordDirectory
{
    Task<RecordLocation?> Find(string recordId, CancellationToken ct = default);
}

/// <summary>An objection (L815) as the objection list shows it; owned by the subject grain (its dossier).</summary>
public sealed record Objection(
    string ObjectionId,
    string RecordId,
    SubjectKind SubjectKind,
    string SubjectId,
    string? Reason,
    bool NeedsOtherUnits,
    DateOnly OpenedAt,
    DateOnly DueAt,
    string Status,
    bool? Upheld,
    string? Note,
    DateOnly? ResolvedAt,
    string? Indicator = null);

/// <summary>An objection in a list: the objection, its subject's name and its record's indicator, and the subject's search `ref`.</summary>
public sealed record ObjectionListing(Objection Objection, string? SubjectName, string? SubjectRef = null);

/// <summary>
/// The objection projection (http-api "Work queues"): written by the grain storage in the same transaction as the
/// subject's state, read for lists and to find an objection's subject. The grain is the only writer.
/// </summary>
public interface IObjectionRegistry
{
    Task<Objection?> Find(string objectionId, CancellationToken ct = default);
    /// <summary>open (overdue included) | overdue (open and past due on <paramref name="today"/>) | closed; null = all.</summary>
    Task<IReadOnlyList<ObjectionListing>> List(string? status, DateOnly today, CancellationToken ct = default);
}

public sealed record AuditEntry(DateTimeOffset At, string Actor, string Department, string Role, string Action, SubjectKind SubjectKind, string SubjectId, string? Purpose);

/// <summary>Every authorised read of personal data is written here.</summary>
public interface IAuditTrail
{
    Task Write(AuditEntry entry, CancellationToken ct = default);
    Task<IReadOnlyList<AuditEntry>> Recent(int limit, CancellationToken ct = default);
}

/// <summary>One department's 双公示 record (L483): penalty records and licences reported, and how many later than 7 days.</summary>
public sealed record DepartmentTimeliness(string Department, int Total, int Late)
{
    public int OnTime => Total - Late;
    public double OnTimeRate => Total == 0 ? 1 : Math.Round((double)OnTime / Total, 4);
}

public interface IDepartmentTimeliness
{
    Task<IReadOnlyList<DepartmentTimeliness>> All(CancellationToken ct = default);
}
