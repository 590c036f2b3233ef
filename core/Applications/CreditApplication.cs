using CreditGrid.Core.Records;

namespace CreditGrid.Core.Applications;

/// <summary>
/// domain-rules §10 "Objection and repair applications" (87号第二十七条、第二十八条): what a subject (or anyone for it)
/// asks on the portal. Its own state: only this table holds it (no grain), so the table is durable on its own; the
/// objection it opens on acceptance is the subject grain's (L815).
/// </summary>
public sealed record CreditApplication(
    string ApplicationId,
    /// <summary>objection | repair.</summary>
    string Type,
    SubjectKind SubjectKind,
    string SubjectId,
    string RecordId,
    string Reason,
    /// <summary>Never shown publicly; masked in the credit centre's queue.</summary>
    string Contact,
    DateTimeOffset ReceivedAt,
    /// <summary>submitted | accepted | rejected | open | upheld | dismissed | repaired | refused (http-api portal).</summary>
    string Status,
    DateOnly? DueAt,
    IReadOnlyList<ApplicationStep> History);

/// <summary>One step the applicant sees: when, the status it led to, and the note given (a rejection's reason).</summary>
public sealed record ApplicationStep(DateTimeOffset At, string Status, string? Note);

public interface IApplicationRegistry
{
    /// <summary>Stores a new application with the hash of its tracking code; false when the id is taken (the caller draws another).</summary>
    Task<bool> Add(CreditApplication application, string codeHash, CancellationToken ct = default);

    Task<(CreditApplication Application, string CodeHash)?> Find(string applicationId, CancellationToken ct = default);

    /// <summary>
    /// Moves an application from one of <paramref name="from"/> to <paramref name="step"/>'s status in one transaction
    /// (compare-and-set), appending the step; <paramref name="dueAt"/> replaces the due day when given. Null when the
    /// application is unknown; the stored one unchanged when its status is not in <paramref name="from"/>.
    /// </summary>
    Task<(bool Moved, CreditApplication Application)?> Move(string applicationId, IReadOnlyCollection<string> from, ApplicationStep step, DateOnly? dueAt, CancellationToken ct = default);

    /// <summary>Oldest received first (a queue); <paramref name="status"/> null = all.</summary>
    Task<PageOf<CreditApplication>> List(string? status, int page, int pageSize, CancellationToken ct = default);
}
