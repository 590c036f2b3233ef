using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// Whether the store can take writes now, for /readyz (issue 11 item 5: "503 while writes cannot commit (disk full
/// too)"). A SELECT 1 answers on a full disk and on a read-only database; this commits a real write, the one row of
/// <c>health</c> (Migrations), on the same path as the project's writes. An update in place needs no new space, so on
/// SQLite it also asks whether the file can still grow: pages left under max_page_count (Storage:SqliteMaxMegabytes)
/// and bytes left on the disk. Some room may be left and still too little for the writes that come (a batch of 500
/// events): a write refused for lack of room keeps the store not ready for <see cref="FullHoldSeconds"/> after it. /readyz is anonymous and unlimited (http-api): callers within a second share one probe,
/// so a flood of probes is at most one write a second.
/// </summary>
public sealed class StoreHealth(Database database)
{
    /// <summary>Less room than this (256 KiB, a few hundred events) is full.</summary>
    public const long MinimumRoom = 256 * 1024;

    public const int FullHoldSeconds = 30;

    private long _lastFull; // Environment.TickCount64 of the last refusal; 0: none

    /// <summary>A write just failed for lack of room (SQLITE_FULL, PostgreSQL disk_full).</summary>
    public void NoteFull() => Volatile.Write(ref _lastFull, Environment.TickCount64);

    private const long SharedMilliseconds = 1000;
    private readonly Lock _gate = new();
    private (long At, Task<(bool, string?)> Probe)? _last;

    public Task<(bool Writable, string? Reason)> Check(CancellationToken ct)
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (_last is { } last && (!last.Probe.IsCompleted || now - last.At < SharedMilliseconds)) return last.Probe.WaitAsync(ct);
            var probe = Probe();
            _last = (now, probe);
            return probe.WaitAsync(ct);
        }
    }

    private async Task<(bool Writable, string? Reason)> Probe()
    {
        await Task.Yield();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await database.Write(async (connection, tx) =>
            {
                await using var upsert = Database.Command(connection,
                    "INSERT INTO health (id, checked_at) VALUES (1, @at) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at", tx,
                    ("@at", DateTimeOffset.UtcNow.ToString("O")));
                await upsert.ExecuteNonQueryAsync(timeout.Token);
            }, timeout.Token);
            if (Volatile.Read(ref _lastFull) is var full and not 0 && Environment.TickCount64 - full < FullHoldSeconds * 1000L) return (false, "full");
            if (database.IsPostgres) return (true, null);
            var room = await SqliteRoom(timeout.Token);
            return room < MinimumRoom ? (false, "full") : (true, null);
        }
        catch (Exception ex)
        {
            return (false, StoreFailureHandler.Classify(ex) is { } kind ? kind.ToString().ToLowerInvariant() : "unavailable");
        }
    }

    private async Task<long> SqliteRoom(CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        async Task<long> Pragma(string name)
        {
            await using var command = Database.Command(connection, $"PRAGMA {name}");
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        var pageSize = await Pragma("page_size");
        var pagesLeft = await Pragma("max_page_count") - await Pragma("page_count") + await Pragma("freelist_count");
        var disk = new DriveInfo(Path.GetDirectoryName(database.FilePath!)!).AvailableFreeSpace;
        return Math.Min(pagesLeft * pageSize, disk);
    }
}
