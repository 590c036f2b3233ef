using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// A grain's change log lines on their way (docs/change-log.md): noted while a command runs, stamped with the version
/// the next write stores (their unique key), written by the grain storage in that write's transaction, and announced
/// as changeLogged only after it committed — never only from a memory stream.
/// </summary>
public sealed class ChangeLogger
{
    private List<(string Change, string? From, string? To, string? EventId, string? Department)>? _noted;

    /// <summary>One line for the next write.</summary>
    public void Note(string change, string? from, string? to, string? eventId, string? department) =>
        (_noted ??= []).Add((change, from, to, eventId, department));

    /// <summary>
    /// Puts the noted lines into the state's pending changes, keyed by the version about to be written, and returns
    /// every line pending (also any a failed earlier write left), to announce once the write has committed.
    /// </summary>
    public IReadOnlyList<ChangeEntry> Stamp(PendingChanges pending, string kind, string id, string? name, string? street, long version, DateTimeOffset at)
    {
        foreach (var n in _noted ?? [])
            pending.Add(new ChangeEntry(ChangeStamp.Next(at), kind, id, name, n.Change, n.From, n.To, n.EventId, n.Department ?? ChangeKinds.System,
                street, ChangeKinds.KeyOf(kind, id, version, n.Change)));
        _noted = null;
        return [.. pending.Entries];
    }
}

/// <summary>
/// Instants of change log lines: strictly increasing on this silo (a line of one write comes after the one before,
/// even on the same clock tick), so `since` paging never splits a write's lines.
/// </summary>
public static class ChangeStamp
{
    private static long _last;

    public static DateTimeOffset Next(DateTimeOffset now)
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(now.UtcTicks, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last) return new DateTimeOffset(next, TimeSpan.Zero);
        }
    }
}

public static class ChangeAnnouncements
{
    /// <summary>The silo's announcer (one per silo, <see cref="ChangeAnnouncer"/>).</summary>
    public static ChangeAnnouncer Announcer(this Grain grain) => grain.GrainContext.ActivationServices.GetRequiredService<ChangeAnnouncer>();

    /// <summary>changeLogged: the lines are durable already; they leave with the silo's next round, a refused one is counted, never thrown.</summary>
    public static Task AnnounceLogged(this Grain grain, IReadOnlyList<ChangeEntry> entries)
    {
        if (entries.Count > 0) grain.Announcer().Logged(entries);
        return Task.CompletedTask;
    }
}
