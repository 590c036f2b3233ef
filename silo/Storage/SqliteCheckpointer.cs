using System.Data.Common;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// SQLite's WAL is copied back into the database file here, beside the writer, instead of inside a commit (issue 16).
/// SQLite's own auto-checkpoint runs in the commit that crosses 1,000 pages (4 MiB): under ingest that was ~18 times a
/// second, each time while the one writer gate was held, and a page changed by many group commits was copied back
/// once per checkpoint. Now every second a PASSIVE checkpoint runs on its own connection, outside the gate
/// (SQLite lets one checkpointer work beside one writer); once the log holds more than <see cref="ResetFrames"/> frames
/// the frames written meanwhile are copied once more beside the writer and the last few under the gate with a RESTART
/// checkpoint, so the next writer starts the log from its beginning again. The connections' auto-checkpoint stays as a backstop at <see cref="BackstopPages"/> (SqliteDataSource).
/// docs/sqlite-persistence.md, "Checkpoints".
/// </summary>
public sealed class SqliteCheckpointer(Database database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>Connections' wal_autocheckpoint: only reached if this service falls behind or stops.</summary>
    public const int BackstopPages = 65_536;

    private const int ResetFrames = 16_384;
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.IsPostgres) return;
        using var timer = new PeriodicTimer(Every);
        while (await Tick(timer, stoppingToken))
        {
            try
            {
                if (await Checkpoint(stoppingToken) > ResetFrames)
                {
                    await Checkpoint(stoppingToken); // what was written during the first, a shorter copy
                    await database.UnderWriteGate(c => Restart(c, stoppingToken), stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost: the log keeps every commit, and the backstop checkpoints inside a commit.
                logger.LogWarning("SQLite checkpoint failed, next try in {Interval} ms: {Error}", Every.TotalMilliseconds, ex.Message);
            }
        }
    }

    private async Task<long> Checkpoint(CancellationToken ct)
    {
        await using var connection = await database.Open(ct);
        return await Checkpoint(connection, ct);
    }

    /// <summary>One PASSIVE checkpoint (never waits for readers or the writer); the frames the log held.</summary>
    private static Task<long> Checkpoint(DbConnection connection, CancellationToken ct) => Run(connection, "PASSIVE", ct);

    private static async Task<long> Run(DbConnection connection, string mode, CancellationToken ct)
    {
        await using var command = Database.Command(connection, $"PRAGMA wal_checkpoint({mode})");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Database.Long(reader, 1) : 0;
    }

    /// <summary>
    /// Under the gate: a RESTART checkpoint, which also waits (at most <see cref="RestartWaitMs"/>) until every reader
    /// reads the newest snapshot, so the next writer starts the log from its beginning. A PASSIVE one is not enough
    /// there: under ingest some reader (a grain's state read) nearly always holds an older snapshot, the copy stops
    /// short of it and the log kept growing (seen: 220 MB during the 1M memory run). If a reader outlasts the wait,
    /// the next second tries again.
    /// </summary>
    private static async Task<long> Restart(DbConnection connection, CancellationToken ct)
    {
        await using (var wait = Database.Command(connection, $"PRAGMA busy_timeout = {RestartWaitMs}")) await wait.ExecuteNonQueryAsync(ct);
        try
        {
            return await Run(connection, "RESTART", ct);
        }
        finally
        {
            await using var back = Database.Command(connection, $"PRAGMA busy_timeout = {SqliteDataSource.BusyTimeoutMs}");
            await back.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private const int RestartWaitMs = 200;

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
