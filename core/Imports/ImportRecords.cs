namespace CreditGrid.Core.Imports;

/// <summary>http-api "Department desk": validating → ready (dry run) | importing → done.</summary>
public static class ImportStatus
{
    public const string Validating = "validating";
    public const string Ready = "ready";
    public const string Importing = "importing";
    public const string Done = "done";
}

/// <summary>The status of one file row: valid → accepted → applied, or rejected, or held for a decision on the desk.</summary>
public static class RowStatus
{
    public const string Valid = "valid";
    public const string Rejected = "rejected";
    public const string Held = "held";
    public const string Accepted = "accepted";
    public const string Applied = "applied";

    public static readonly string[] All = [Valid, Rejected, Held, Accepted, Applied];
}

/// <summary>
/// An import as stored: who sent it (the key's department and roles, so the worker validates as that caller) and its
/// file, kept until its rows are written.
/// </summary>
public sealed record ImportJob(
    string ImportId, string Department, IReadOnlyList<string> Roles, string KeyId, string Format, bool DryRun, string FileName,
    string Status, DateTimeOffset CreatedAt);

/// <summary>Row counts by status (counters count rows).</summary>
public sealed record ImportCounts(int Total, int Valid, int Rejected, int Held, int Accepted, int Applied);

/// <summary>
/// Errors of one row keyed by the file's column, in Chinese and English (Accept-Language: en); the English falls back
/// to the Chinese text where a message has only one.
/// </summary>
public sealed record RowErrors(Dictionary<string, string[]> Zh, Dictionary<string, string[]> En);

/// <summary>
/// One file row: its events (<see cref="EventsJson"/>: the event requests it maps to, as JSON, for valid and held rows)
/// and their ids, its errors if rejected or held.
/// </summary>
public sealed record ImportRow(int Row, string Status, IReadOnlyList<string> EventIds, string? EventsJson, RowErrors? Errors, bool Duplicate = false);

/// <summary>A row's new state after its events went to the intake.</summary>
public sealed record RowOutcome(int Row, string Status, RowErrors? Errors, bool Duplicate);

/// <summary>The imports table and its rows (state that exists only here; architecture "Projections": not derived).</summary>
public interface IImportStore
{
    Task Create(ImportJob job, byte[] file, CancellationToken ct = default);
    Task<ImportJob?> Find(string importId, CancellationToken ct = default);
    Task<byte[]?> File(string importId, CancellationToken ct = default);
    /// <summary>The imports a restart must finish: validating or importing.</summary>
    Task<IReadOnlyList<ImportJob>> Unfinished(CancellationToken ct = default);
    Task<(int Total, IReadOnlyList<ImportJob> Items)> List(string? department, int page, int pageSize, CancellationToken ct = default);

    /// <summary>Forgets the rows of an interrupted validation, so it can start again.</summary>
    Task ClearRows(string importId, CancellationToken ct = default);
    Task AddRows(string importId, IReadOnlyList<ImportRow> rows, CancellationToken ct = default);
    /// <summary>Sets the status; leaving validation also drops the stored file.</summary>
    Task SetStatus(string importId, string status, CancellationToken ct = default);

    Task<ImportCounts> Counts(string importId, CancellationToken ct = default);
    Task<(int Total, IReadOnlyList<ImportRow> Items)> Rows(string importId, string? status, int page, int pageSize, CancellationToken ct = default);
    Task<ImportRow?> Row(string importId, int row, CancellationToken ct = default);
    /// <summary>Rows of a status in file order, from <paramref name="after"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ImportRow>> Next(string importId, string status, int after, int max, CancellationToken ct = default);
    Task Update(string importId, IReadOnlyList<RowOutcome> outcomes, CancellationToken ct = default);
    /// <summary>A held row decided on the desk: its events (with the points) and its new status.</summary>
    Task Decide(string importId, int row, string status, string? eventsJson, RowErrors? errors, CancellationToken ct = default);

    /// <summary>
    /// Accepted rows (oldest first, at most <paramref name="max"/>) with what became of their events in the intake:
    /// applied when all are, rejected (with the grid's reason) when one is.
    /// </summary>
    Task<IReadOnlyList<(int Row, bool AllApplied, string? RejectedReason)>> Progress(string importId, int max, CancellationToken ct = default);
}
