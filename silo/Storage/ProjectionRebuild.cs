using System.Data.Common;
using CreditGrid.Silo.Grains;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// `rebuild-projections` (architecture: "Projections are durable and rebuildable"): subject_summary, objections and
/// complaints (with the archived ones) written again from the stored dossiers and merchant states, in one transaction. The grain storage keeps them
/// current from then on (same transaction as each state), so this is for operators and for a database whose states
/// were written before the projection existed (the silo runs it at start when subject_summary is empty).
/// </summary>
public static class ProjectionRebuild
{
    private const int Page = 500;

    /// <summary>The state names whose states project rows, and how to read them.</summary>
    private static readonly (string StateName, Func<GrainStateFormat, BinaryData, object?> Read)[] States =
    [
        ("enterprise", (f, b) => f.Deserialize<Dossier>(b)),
        ("person", (f, b) => f.Deserialize<Dossier>(b)),
        ("official", (f, b) => f.Deserialize<Dossier>(b)),
        ("merchant", (f, b) => f.Deserialize<MerchantState>(b)),
        ("street", (f, b) => f.Deserialize<StreetState>(b)), // the red list's 诚信经营示范店 (public_exemplary)
    ];

    public static async Task<int> Run(IServiceProvider services, CancellationToken ct = default)
    {
        var database = services.GetRequiredService<Database>();
        var format = services.GetRequiredService<GrainStateFormat>();
        var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        var select = database.IsPostgres
            ? "SELECT grain_id_ext, payload FROM orleans_grain_state WHERE service_id = @service AND state_name = @state AND payload IS NOT NULL AND grain_id_ext > @after ORDER BY grain_id_ext LIMIT @page"
            : "SELECT GrainIdExtensionString, PayloadBinary FROM OrleansGrainState WHERE ServiceId = @service AND GrainTypeString = @state AND PayloadBinary IS NOT NULL AND GrainIdExtensionString > @after ORDER BY GrainIdExtensionString LIMIT @page";
        return await database.Write(async (connection, tx) =>
        {
            // Rows are rewritten in place, not deleted first, so each subject keeps its search `ref` (handle): every row is
            // marked stale (version -1; no state has it), the stored states rewrite theirs, and what stays stale goes.
            await using (var mark = Database.Command(connection, "UPDATE subject_summary SET version = -1", tx)) await mark.ExecuteNonQueryAsync(ct);
            await ChangeLogRows.RebuildComplaintsFromArchive(connection, tx, ct);
            // 诚信红黑榜 (docs/portal.md): every state writes its row again below (Of(…, all: true)).
            await using (var lists = Database.Command(connection, "DELETE FROM public_list", tx)) await lists.ExecuteNonQueryAsync(ct);
            await using (var penalties = Database.Command(connection, "DELETE FROM public_penalty", tx)) await penalties.ExecuteNonQueryAsync(ct);
            await using (var exemplary = Database.Command(connection, "DELETE FROM public_exemplary", tx)) await exemplary.ExecuteNonQueryAsync(ct);
            var written = 0;
            var now = DateTimeOffset.UtcNow;
            foreach (var (stateName, read) in States)
            {
                var after = "";
                while (true)
                {
                    var page = await ReadPage(connection, tx, select, serviceId, stateName, after, ct);
                    foreach (var (key, payload) in page)
                    {
                        await Projections.Write(connection, tx, Projections.Of(key, read(format, new BinaryData(payload)), all: true), now);
                        written++;
                    }
                    if (page.Count < Page) break;
                    after = page[^1].Key;
                }
            }
            await using (var stale = Database.Command(connection, "DELETE FROM subject_summary WHERE version = -1", tx)) await stale.ExecuteNonQueryAsync(ct);
            // SQLite's name index for search (FTS5, sqlite-project-007-search.sql) is rebuilt from the rows too (docs/search.md).
            if (!database.IsPostgres)
                await using (var search = Database.Command(connection, "INSERT INTO subject_search (subject_search) VALUES ('rebuild')", tx)) await search.ExecuteNonQueryAsync(ct);
            return written;
        }, ct);
    }

    /// <summary>At start: a database whose states predate the projection (or lost it) gets it rebuilt once.</summary>
    public static async Task<int?> IfEmpty(IServiceProvider services, CancellationToken ct = default)
    {
        var database = services.GetRequiredService<Database>();
        await using var connection = await database.Open(ct);
        await using var any = Database.Command(connection, "SELECT COUNT(*) FROM (SELECT 1 FROM subject_summary LIMIT 1) s");
        if (Convert.ToInt64(await any.ExecuteScalarAsync(ct)) == 0) return await Run(services, ct);
        await FillHandles(database, connection, ct);
        return null;
    }

    /// <summary>Rows written before the handle column existed get their search `ref` (sqlite/postgres-project-007-search.sql).</summary>
    private static async Task FillHandles(Database database, DbConnection connection, CancellationToken ct)
    {
        var missing = new List<(string Kind, string Id)>();
        await using (var select = Database.Command(connection, "SELECT kind, id FROM subject_summary WHERE handle IS NULL"))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) missing.Add((reader.GetString(0), reader.GetString(1)));
        if (missing.Count == 0) return;
        await database.Write(async (c, tx) =>
        {
            foreach (var (kind, id) in missing)
            {
                var update = Database.Reused(c, tx, "UPDATE subject_summary SET handle = @handle WHERE kind = @kind AND id = @id AND handle IS NULL",
                    ("@handle", Core.Grid.SubjectHandle.New()), ("@kind", kind), ("@id", id));
                await update.ExecuteNonQueryAsync(ct);
            }
        }, ct);
    }

    /// <summary>One page of keys and payloads, read to the end before anything is written (one connection, one reader).</summary>
    private static async Task<List<(string Key, byte[] Payload)>> ReadPage(
        DbConnection connection, DbTransaction tx, string sql, string serviceId, string stateName, string after, CancellationToken ct)
    {
        await using var command = Database.Command(connection, sql, tx, ("@service", serviceId), ("@state", stateName), ("@after", after), ("@page", Page));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var page = new List<(string, byte[])>(Page);
        while (await reader.ReadAsync(ct)) page.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
        return page;
    }
}
