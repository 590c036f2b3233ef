using System.Data.Common;
using System.Globalization;
using Orleans.Storage;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// Orleans grain storage with group commit, on SQLite and PostgreSQL. The stock ADO.NET provider commits every grain
/// write in its own transaction on its own connection; SQLite takes one writer at a time, so under load the writers
/// queued on the file lock and the grid applied under 1,000 events/s (docs/benchmarks.md), and on PostgreSQL every
/// grain write cost a commit of its own (architecture, "Speed in the production shape": one transaction per round, not
/// per grain). Here every write joins <see cref="Database.WriteGrouped"/>: whatever grains wrote meanwhile commits in
/// one transaction, and each caller's task completes only after that commit. The projection rows a state carries
/// (<see cref="IProjectedState"/>: subject_summary, objections, complaints, change_log) are written in the same transaction, so a crash can
/// never keep a state without its projection or the other way round (issue 11, items 14 and 15).
/// <para>
/// It runs the stock provider's own query texts (ReadFromStorageKey, WriteToStorageKey, ClearStorageKey, loaded from
/// OrleansQuery, written by sqlite-persistence.sql / postgres-persistence.sql) with the provider's parameters and the
/// serializer Orleans gives the provider, so rows stay exactly as the ADO.NET provider reads and writes them: the
/// contract is still the one in docs/sqlite-persistence.md and docs/postgres.md, and either provider can open rows the
/// other wrote. Reads are grouped (<see cref="GroupedStateReads"/>): on SQLite each key still runs ReadFromStorageKey,
/// on PostgreSQL one statement with the same columns and meaning answers a whole batch of keys.
/// </para>
/// </summary>
public sealed class GroupCommitGrainStorage(Database database, IGrainStorageSerializer serializer, string serviceId) : IGrainStorage
{
    private Queries? _queries;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var queries = await Load();
        // Concurrent reads (every new activation reads) share one connection and, on PostgreSQL, one query (GroupedStateReads).
        var row = await queries.Reads.Read(Key(stateName, grainId));
        if (!row.Found)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.State = row.Payload is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(new BinaryData(row.Payload));
        grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = row.Payload is not null;
    }

    /// <summary>Grouped read batches run and reads they answered, since start.</summary>
    public (long Batches, long Reads) ReadCounts => _queries?.Reads.Counts ?? (0, 0);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var queries = await Load();
        var serialized = serializer.Serialize(grainState.State);
        var payload = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(serialized.ToMemory(), out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array : serialized.ToArray();
        // The state's projection rows (subject_summary, objections) commit in the same transaction as the state.
        var rows = Projections.Of(grainId.Key.ToString()!, grainState.State);
        var write = new StateWrite(queries.Write, Key(stateName, grainId), Version(grainState.ETag), payload, rows, grainId.ToString());
        await database.WriteGrouped(write);
        Projections.Committed(rows, grainState.State); // the change log lines written are no longer pending
        grainState.ETag = write.NewVersion;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var queries = await Load();
        if (grainState.ETag is null)
        {
            // Nothing known about a row: only a stored one needs clearing (as the stock provider does).
            await ReadStateAsync(stateName, grainId, grainState);
            if (grainState.ETag is null) return;
        }
        var parameters = Key(stateName, grainId).Parameters().Append(("@GrainStateVersion", Version(grainState.ETag))).ToArray();
        var state = grainState.State;
        grainState.ETag = await Change(queries.Clear, parameters, stateName, grainId, grainState.ETag,
            (connection, tx) => Projections.Clear(connection, tx, grainId.Key.ToString()!, state));
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    /// <summary>Runs a changing query in the next group commit; its single row is the new version, NULL on a conflict.</summary>
    private async Task<string> Change(string sql, (string, object?)[] parameters, string stateName, GrainId grainId, string? etag,
        Func<DbConnection, DbTransaction, Task> project)
    {
        string? version = null;
        await database.WriteGrouped(async (connection, tx) =>
        {
            var command = Database.Reused(connection, tx, sql, parameters);
            var result = await command.ExecuteScalarAsync();
            version = result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            // Throwing rolls the group back; Database then retries each write alone, so only this one fails.
            if (version is null || version == etag)
                throw new InconsistentStateException($"State '{stateName}' of {grainId} was changed by another activation (ETag {etag ?? "none"} is stale).", "unknown", etag ?? "none");
            await project(connection, tx);
        });
        return version!;
    }

    /// <summary>The key as the stock provider sends it (docs/sqlite-persistence.md, "Parameters").</summary>
    private StateKey Key(string stateName, GrainId grainId)
    {
        long n0 = 0, n1 = 0;
        string? extension;
        if (grainId.TryGetIntegerKey(out var number, out var ext)) { n1 = number; extension = ext; }
        else if (grainId.TryGetGuidKey(out var guid, out ext))
        {
            var bytes = guid.ToByteArray();
            n0 = BitConverter.ToInt64(bytes, 0);
            n1 = BitConverter.ToInt64(bytes, 8);
            extension = ext;
        }
        else extension = grainId.Key.ToString();
        // Named as the query texts write them (@Name): Microsoft.Data.Sqlite then binds without trying prefixes.
        return new StateKey(serviceId, stateName, n0, n1, extension);
    }

    private static int? Version(string? etag) => string.IsNullOrWhiteSpace(etag) ? null : int.Parse(etag, CultureInfo.InvariantCulture);

    private sealed record Queries(string Read, string Write, string Clear, GroupedStateReads Reads);

    /// <summary>
    /// The provider's query texts, once. Their "PRAGMA synchronous = NORMAL" heads are left out: a pragma cannot
    /// change the safety level inside the group's transaction, and one commit per group needs no relaxed sync.
    /// </summary>
    private async Task<Queries> Load()
    {
        if (_queries is not null) return _queries;
        await using var connection = await database.Open();
        await using var command = Database.Command(connection,
            "SELECT QueryKey, QueryText FROM OrleansQuery WHERE QueryKey IN ('ReadFromStorageKey', 'WriteToStorageKey', 'ClearStorageKey')");
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new Dictionary<string, string>();
        while (await reader.ReadAsync()) texts[reader.GetString(0)] = WithoutPragmas(reader.GetString(1));
        string Get(string key) => texts.TryGetValue(key, out var text) ? text
            : throw new InvalidOperationException($"OrleansQuery has no '{key}': the SQLite persistence script was not applied.");
        var read = Get("ReadFromStorageKey");
        // Two first calls may both load: the first to finish wins, so every read joins the same queue.
        Interlocked.CompareExchange(ref _queries, new Queries(read, Get("WriteToStorageKey"), Get("ClearStorageKey"), new GroupedStateReads(database, read)), null);
        return _queries!;
    }

    private static string WithoutPragmas(string sql) =>
        string.Join('\n', sql.Split('\n').Where(line => !line.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)));
}
