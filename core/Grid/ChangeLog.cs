using Orleans.Concurrency;

namespace CreditGrid.Core.Grid;

/// <summary>
/// One line of the durable change log (http-api "Work queues and the change log"): a subject's score, a merchant's
/// colour, an emergency, a complaint, an objection or an inspection changed. The id is stored as is; lists mask it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChangeEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Id,
    [property: Id(3)] string? Name,
    [property: Id(4)] string Change,
    [property: Id(5)] string? From,
    [property: Id(6)] string? To,
    [property: Id(7)] string? EventId,
    [property: Id(8)] string? Department,
    [property: Id(9)] string? Street,
    // Unique per change: (kind, id, version, change). A retried write of the same state adds nothing.
    [property: Id(10)] string Key);

/// <summary>The kinds of change and the department name of what no department caused (docs/change-log.md).</summary>
public static class ChangeKinds
{
    public const string Score = "score";
    public const string Color = "color";
    public const string Emergency = "emergency";
    public const string Complaint = "complaint";
    public const string Objection = "objection";
    public const string Inspection = "inspection";

    /// <summary>Time-driven changes (a record expiring, a deadline passing): no department caused them.</summary>
    public const string System = "系统";

    /// <summary>A consumer's complaint from the public page.</summary>
    public const string Public = "公众";

    /// <summary>Kinds a change log line can have: the subject kinds and "emergency".</summary>
    public static readonly string[] EntryKinds = ["enterprise", "person", "official", "merchant", "institution", "emergency"];

    public static string KeyOf(string kind, string id, long version, string change) => $"{kind}:{id}:{version}:{change}";

    /// <summary>Instants of the log: UTC with all 7 fractional digits, so they sort as text and `next` loses nothing.</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", global::System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One entry of GET /api/v1/changes and of changeLogged, exactly as the contract names its fields: the id masked for
/// persons and officials; `from`/`to` numbers for score, colours for color, status strings otherwise.
/// </summary>
public sealed record ChangeLine(string At, string Kind, string Id, string? Name, string Change, object? From, object? To, string? EventId, string? Department)
{
    public static ChangeLine Of(ChangeEntry e) => new(
        ChangeKinds.Instant(e.At), e.Kind, e.Kind is "person" or "official" ? Identifiers.ResidentId.Mask(e.Id) : e.Id, e.Name, e.Change,
        Value(e.Change, e.From), Value(e.Change, e.To), e.EventId, e.Department);

    private static object? Value(string change, string? value) =>
        change == ChangeKinds.Score && int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : value;
}

/// <summary>Entries that became durable (in one round of a silo's announcer, in write order), on their way to the dashboards (changeLogged).</summary>
[GenerateSerializer, Immutable]
public sealed record ChangesLogged([property: Id(0)] IReadOnlyList<ChangeEntry> Entries);

/// <summary>
/// A grain's change log lines waiting for its next state write. Not serialized: the grain storage writes them in the
/// same transaction as the state, then takes them off (<see cref="Written"/>).
/// </summary>
public sealed class PendingChanges
{
    private List<ChangeEntry>? _entries;

    public IReadOnlyList<ChangeEntry> Entries => (IReadOnlyList<ChangeEntry>?)_entries ?? [];

    public void Add(ChangeEntry entry) => (_entries ??= []).Add(entry);

    /// <summary>The entries the storage committed; any added meanwhile stay for the next write.</summary>
    public void Written(IReadOnlyList<ChangeEntry> written)
    {
        if (_entries is null) return;
        _entries.RemoveAll(e => written.Contains(e));
        if (_entries.Count == 0) _entries = null;
    }
}

/// <summary>GET /api/v1/changes over the change_log table.</summary>
public interface IChangeLog
{
    /// <summary>Oldest first, strictly after <paramref name="since"/>; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ChangeEntry>> Read(DateTimeOffset? since, string? kind, string? street, int limit, CancellationToken ct = default);

    /// <summary>Deletes entries older than <paramref name="before"/>; returns how many.</summary>
    Task<int> Prune(DateTimeOffset before, CancellationToken ct = default);
}
