using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The project's own tables, on the embedded SQLite file or on PostgreSQL (Storage:Provider), through plain ADO.NET.
/// SQLite takes one writer at a time, so there the project's writes queue on one gate (Orleans' own writes wait on
/// the busy timeout); PostgreSQL needs no gate.
/// </summary>
public sealed class Database : IDisposable
{
    private readonly SemaphoreSlim? _writeGate;
    private readonly SqliteDataSource? _sqlite;

    public Database(IOptions<StorageOptions> options)
    {
        IsPostgres = options.Value.IsPostgres;
        ConnectionString = Normalise(options.Value);
        Factory = IsPostgres ? NpgsqlFactory.Instance : SqliteFactory.Instance;
        if (!IsPostgres)
        {
            _writeGate = new SemaphoreSlim(1, 1);
            _sqlite = new SqliteDataSource(ConnectionString, options.Value.SqliteMaxMegabytes);
            FilePath = Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
        }
    }

    public bool IsPostgres { get; }
    public string ConnectionString { get; }
    public DbProviderFactory Factory { get; }

    /// <summary>The SQLite file (API keys generated on first start go beside it); null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// SQLite: pooled connections that wait (rather than fail) while another connection writes. PostgreSQL: statements
    /// a connection runs again and again are prepared on the server (Npgsql automatic preparation), unless the
    /// connection string sets its own Max Auto Prepare.
    /// </summary>
    public static string Normalise(StorageOptions options)
    {
        if (options.IsPostgres)
        {
            var npgsql = new NpgsqlConnectionStringBuilder(options.EffectiveConnectionString);
            if (npgsql.MaxAutoPrepare == 0) npgsql.MaxAutoPrepare = 64;
            // No reset on close (issue 16): Npgsql otherwise sends CLOSE ALL, SET SESSION AUTHORIZATION DEFAULT, RESET ALL,
            // UNLISTEN *, pg_advisory_unlock_all(), DISCARD SEQUENCES and DISCARD TEMP with the first command after every
            // pool open: ~7 statements per open, 107,680 each over 100,000 events. None of them undoes anything this
            // pool's connections leave behind: the only session-scoped SET is "SET LOCAL" (transaction-scoped); no code
            // uses temp tables, cursors (CLOSE), LISTEN, SET ROLE/SESSION AUTHORIZATION, currval/lastval; the one
            // session advisory lock (Migrations) is taken on an unpooled connection and released in a finally. An open
            // transaction is still rolled back when a connection goes back to the pool (Npgsql does that with or without
            // the reset). Orleans' own providers use the configured string, so their pools keep the reset. A connection
            // string that names No Reset On Close keeps its own value (docs/postgres.md, "Connection pool").
            if (!Names(options.EffectiveConnectionString, "NoResetOnClose")) npgsql.NoResetOnClose = true;
            return npgsql.ToString();
        }
        var builder = new SqliteConnectionStringBuilder(options.EffectiveConnectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>Whether a connection string sets a keyword itself (spaces and case aside).</summary>
    private static bool Names(string connectionString, string keyword) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));

    public async Task<DbConnection> Open(CancellationToken ct = default)
    {
        if (_sqlite is not null) return await _sqlite.OpenConnectionAsync(ct);
        var connection = Factory.CreateConnection()!;
        connection.ConnectionString = ConnectionString;
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// PostgreSQL: a connection outside the pool, so closing it ends the server session and every session-scoped thing
    /// taken on it (Migrations' advisory lock) whatever went wrong. SQLite: <see cref="Open"/>.
    /// </summary>
    public async Task<DbConnection> OpenUnpooled(CancellationToken ct = default)
    {
        if (!IsPostgres) return await Open(ct);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Runs a write unit in one transaction (one writer at a time on SQLite).</summary>
    public Task<T> Write<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct = default) => Write(work, synced: true, ct);

    /// <summary>
    /// <paramref name="synced"/> false (SQLite; PostgreSQL: synchronous_commit off): the commit is not flushed to disk by itself (synchronous = NORMAL in WAL
    /// mode) but by the next synced commit or checkpoint. A process crash loses nothing either way; a power cut can
    /// lose only the newest commits, in order (the WAL is a log), so it cannot keep a later synced commit and lose an
    /// earlier one. Used for what the intake log can rebuild: grain state and derived rows, intake claims and applied
    /// marks (an event is marked applied only after its grain writes). Accepting events (the 202s) stays synced.
    /// </summary>
    public Task<T> Write<T>(Func<DbConnection, DbTransaction, Task<T>> work, bool synced, CancellationToken ct) =>
        Gated(async connection =>
        {
            if (_sqlite is not null)
            {
                // synchronous is per connection and kept by it: set for every unit.
                await using var sync = Command(connection, synced ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                await sync.ExecuteNonQueryAsync(ct);
            }
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (!synced && _sqlite is null)
            {
                // PostgreSQL's equivalent of NORMAL: the commit does not wait for its WAL flush. A server crash can lose
                // only the newest such commits, in WAL order; what they held is rebuilt from the intake log.
                await using var relaxed = Command(connection, "SET LOCAL synchronous_commit = off", tx);
                await relaxed.ExecuteNonQueryAsync(ct);
            }
            var result = await work(connection, tx);
            await tx.CommitAsync(ct);
            return result;
        }, ct);

    /// <summary>SQLite: work on a connection while no write unit runs (SqliteCheckpointer); PostgreSQL: just the work.</summary>
    public Task UnderWriteGate(Func<DbConnection, Task> work, CancellationToken ct) =>
        Gated(async connection => { await work(connection); return true; }, ct);

    /// <summary>One writer at a time on SQLite (the gate, on the writer connection); a pooled connection on PostgreSQL.</summary>
    private async Task<T> Gated<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        if (_writeGate is not null) await _writeGate.WaitAsync(ct);
        DbConnection? pooled = null;
        try
        {
            return await work(_sqlite is not null ? Writer() : pooled = await Open(ct));
        }
        finally
        {
            if (pooled is not null) await pooled.DisposeAsync();
            _writeGate?.Release();
        }
    }

    private SqliteConnection? _writer;

    /// <summary>
    /// SQLite: the one connection every write unit uses, under the gate (issue 16). It is the only writer, so its page
    /// cache stays valid from one transaction to the next (SQLite drops a connection's cache when another connection
    /// has written), and it may be larger than the pooled readers' 2 MiB: the b-tree pages a group commit changes are
    /// mostly found in memory instead of read again from the file. Opened again if it was closed.
    /// </summary>
    private SqliteConnection Writer()
    {
        if (_writer is { State: System.Data.ConnectionState.Open } open) return open;
        _writer?.Dispose();
        var connection = (SqliteConnection)_sqlite!.OpenConnection();
        using (var cache = Command(connection, $"PRAGMA cache_size = -{WriterCacheKiB}")) cache.ExecuteNonQuery();
        return _writer = connection;
    }

    /// <summary>The writer's page cache, in KiB: 16 MiB holds the inner pages of every b-tree a new subject writes at 1M subjects (~6 MiB) and hot leaves; pooled connections keep SQLite's default 2 MiB.</summary>
    private const int WriterCacheKiB = 16 * 1024;

    /// <summary>Closes the writer connection at shutdown (after a running write unit), so SQLite checkpoints and closes the file.</summary>
    public void Dispose()
    {
        if (_writeGate is null) return;
        var entered = _writeGate.Wait(TimeSpan.FromSeconds(5));
        try { _writer?.Dispose(); _writer = null; }
        finally { if (entered) _writeGate.Release(); }
    }

    public Task Write(Func<DbConnection, DbTransaction, Task> work, CancellationToken ct = default) => Write(work, synced: true, ct);

    public Task Write(Func<DbConnection, DbTransaction, Task> work, bool synced, CancellationToken ct) =>
        Write<bool>(async (c, t) => { await work(c, t); return true; }, synced, ct);

    private readonly Channel<GroupedWrite> _grouped = Channel.CreateUnbounded<GroupedWrite>(new UnboundedChannelOptions { SingleReader = false });
    private int _groupLoop;
    private long _setBasedGroups, _retriedGroups;

    /// <summary>PostgreSQL groups committed set-based, and groups (either store) that failed and were retried one write at a time.</summary>
    public (long SetBased, long Retried) GroupCounts => (Interlocked.Read(ref _setBasedGroups), Interlocked.Read(ref _retriedGroups));

    /// <summary>
    /// Group transactions at once: one on SQLite (one writer at a time); four on PostgreSQL, so a group's round trips
    /// overlap with the next group's instead of one connection carrying every grain write of the silo. Groups never
    /// share a row: each grain writes only its own state, summary, due-work and index rows, one write at a time.
    /// </summary>
    private int GroupLoops => IsPostgres ? 4 : 1;

    /// <summary>
    /// Group commit for many small writes from many grains: they queue, one loop commits everything queued in one
    /// transaction, and each caller's task completes only after that commit, with far fewer commits. The commit is not
    /// synced by itself (see <see cref="Write{T}(Func{DbConnection, DbTransaction, Task{T}}, bool, CancellationToken)"/>):
    /// only what the intake log can rebuild goes here. On PostgreSQL the group's rows of each table go in one
    /// statement (<see cref="PostgresGroupCommit"/>; a stale ETag fails alone there); SQLite runs each write's
    /// prepared statements. A batch that fails is retried one write at a time, so one bad write fails alone.
    /// </summary>
    public Task WriteGrouped(GroupedWrite write)
    {
        _grouped.Writer.TryWrite(write);
        if (Interlocked.CompareExchange(ref _groupLoop, 1, 0) == 0)
            for (var i = 0; i < GroupLoops; i++) _ = Task.Run(GroupLoop);
        return write.Done.Task;
    }

    /// <summary>Any other grouped write, run as it is (on PostgreSQL after the group's set-based statements).</summary>
    public Task WriteGrouped(Func<DbConnection, DbTransaction, Task> work) => WriteGrouped(new ClosureWrite(work));

    private async Task GroupLoop()
    {
        var batch = new List<GroupedWrite>();
        while (await _grouped.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 1000 && _grouped.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await Write(async (c, t) =>
                {
                    if (IsPostgres && batch.Count > 1) await PostgresGroupCommit.Run(c, t, batch);
                    else foreach (var item in batch) await item.Run(c, t);
                }, synced: false, CancellationToken.None);
                if (IsPostgres && batch.Count > 1) Interlocked.Increment(ref _setBasedGroups);
                foreach (var item in batch)
                    if (item.Failed is { } failed) item.Done.TrySetException(failed); else item.Done.TrySetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                Interlocked.Increment(ref _retriedGroups);
                foreach (var item in batch)
                {
                    try { item.Failed = null; await Write(item.Run, synced: false, CancellationToken.None); item.Done.TrySetResult(); }
                    catch (Exception ex) { item.Done.TrySetException(ex); }
                }
            }
            catch (Exception ex)
            {
                batch[0].Done.TrySetException(ex);
            }
        }
    }

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private sealed class PreparedCommands
    {
        public DbConnection? Connection;
        public readonly Dictionary<string, DbCommand> BySql = new(StringComparer.Ordinal);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, PreparedCommands> Prepared = new();

    /// <summary>
    /// A command for a statement that runs many times in one transaction (a group commit, a batch of events): made,
    /// and compiled by the database, once per transaction and re-bound on every call. Compiling the SQL text again
    /// for every row was about a tenth of the silo's CPU under load (docs/benchmarks.md). Do not dispose it: it lives
    /// as long as the transaction's connection.
    /// </summary>
    public static DbCommand Reused(DbConnection connection, DbTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var prepared = Prepared.GetOrCreateValue(tx);
        // Npgsql hands out the same transaction object again on a pooled connection: commands of an earlier one are stale.
        if (!ReferenceEquals(prepared.Connection, connection))
        {
            prepared.BySql.Clear();
            prepared.Connection = connection;
        }
        var commands = prepared.BySql;
        if (!commands.TryGetValue(sql, out var command) || command.Parameters.Count != parameters.Length)
        {
            command = Command(connection, sql, tx, parameters);
            commands[sql] = command;
            return command;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = command.Parameters[i];
            if (p.ParameterName != parameters[i].Name) return commands[sql] = Command(connection, sql, tx, parameters);
            p.Value = parameters[i].Value ?? DBNull.Value;
        }
        return command;
    }

    /// <summary>Integers come back as Int64 from SQLite and Int32 or Int64 from PostgreSQL.</summary>
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
