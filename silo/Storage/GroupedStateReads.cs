using System.Threading.Channels;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// A grain-state row as the stock ReadFromStorageKey returns it: no row (never stored), or a payload (NULL when the
/// state was cleared but the row kept) and its version.
/// </summary>
public readonly record struct StoredState(bool Found, byte[]? Payload, long Version);

/// <summary>
/// Grain-state reads answered in groups (issue 16). Every new activation reads its state, and on PostgreSQL each read
/// cost a pooled connection open (with Npgsql's reset sequence) and a round trip for a SELECT that mostly finds
/// nothing (~10 % of the server's executor time at 100,000 new subjects, docs/benchmarks.md). Reads queue here; one
/// loop takes whatever is queued (at most <see cref="MaxBatch"/> keys) and answers it with one connection and, on
/// PostgreSQL, one statement. Nothing waits on a timer: an idle loop sends the first read at once, and the reads that
/// arrive while a batch's query runs form the next batch. A failed batch fails its own callers only; each caller
/// deserializes its own row, so a bad payload fails only its own read.
/// </summary>
public sealed class GroupedStateReads(Database database, string singleReadSql)
{
    public const int MaxBatch = 256;

    // The stock ReadFromStorageKey (postgres-persistence.sql) for many keys at once, same columns and meaning: a key
    // without a row gets no row back (fresh state, ETag null), a cleared row comes back with payload NULL. It stays in
    // code, beside the grouped writes (PostgresGroupCommit), rather than in OrleansQuery: only this storage runs it; the
    // stock provider, which can read our rows, keeps reading them with ReadFromStorageKey (docs/postgres.md).
    // The key's extension arrives already COALESCEd to '' (the stock query does that in SQL). ord ties a row to its caller;
    // a key asked twice in one batch answers both.
    private const string PostgresReadMany = """
        SELECT k.ord, s.payload, s.version
        FROM unnest(@ord::int[], @ext::text[], @n1::bigint[], @n0::bigint[], @state::text[], @service::text[])
            AS k(ord, ext, n1, n0, state_name, service_id)
        JOIN orleans_grain_state s ON s.grain_id_ext = k.ext AND s.grain_id_n1 = k.n1 AND s.grain_id_n0 = k.n0
            AND s.state_name = k.state_name AND s.service_id = k.service_id
        """;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private int _loop;
    private long _batches, _reads;

    /// <summary>Batches run and reads answered (a test and the docs compare them).</summary>
    public (long Batches, long Reads) Counts => (Interlocked.Read(ref _batches), Interlocked.Read(ref _reads));

    public Task<StoredState> Read(StateKey key)
    {
        var pending = new Pending(key);
        _queue.Writer.TryWrite(pending);
        if (Interlocked.CompareExchange(ref _loop, 1, 0) == 0) _ = Task.Run(Loop);
        return pending.Done.Task;
    }

    private sealed class Pending(StateKey key)
    {
        public StateKey Key => key;
        public readonly TaskCompletionSource<StoredState> Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task Loop()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                var rows = database.IsPostgres ? await ReadPostgres(batch) : await ReadSqlite(batch);
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _reads, batch.Count);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(rows[i]);
            }
            catch (Exception ex)
            {
                foreach (var item in batch) item.Done.TrySetException(ex);
            }
        }
    }

    private async Task<StoredState[]> ReadPostgres(List<Pending> batch)
    {
        var rows = new StoredState[batch.Count];
        await using var connection = await database.Open();
        await using var command = Database.Command(connection, PostgresReadMany, null,
            ("@ord", Enumerable.Range(0, batch.Count).ToArray()),
            ("@ext", batch.Select(p => p.Key.Extension ?? "").ToArray()),
            ("@n1", batch.Select(p => p.Key.N1).ToArray()),
            ("@n0", batch.Select(p => p.Key.N0).ToArray()),
            ("@state", batch.Select(p => p.Key.StateName).ToArray()),
            ("@service", batch.Select(p => p.Key.ServiceId).ToArray()));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows[reader.GetInt32(0)] = new StoredState(true, reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1), Database.Long(reader, 2));
        return rows;
    }

    /// <summary>
    /// SQLite: the stock ReadFromStorageKey once per key, on one connection, one command compiled once, no transaction
    /// (WAL readers never wait on the writer). In process a statement costs microseconds; what grouping saves is the
    /// connection taken from the pool per read.
    /// </summary>
    private async Task<StoredState[]> ReadSqlite(List<Pending> batch)
    {
        var rows = new StoredState[batch.Count];
        await using var connection = await database.Open();
        await using var command = Database.Command(connection, singleReadSql, null, batch[0].Key.Parameters());
        for (var i = 0; i < batch.Count; i++)
        {
            var parameters = batch[i].Key.Parameters();
            for (var p = 0; p < parameters.Length; p++) command.Parameters[p].Value = parameters[p].Item2 ?? DBNull.Value;
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
                rows[i] = new StoredState(true, reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), Database.Long(reader, 1));
        }
        return rows;
    }
}
