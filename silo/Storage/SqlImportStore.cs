using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CreditGrid.Core.Imports;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// Imports and their rows on SQLite or PostgreSQL (migration 008). Row writes are not synced by themselves: the status
/// change that follows them is, and the WAL keeps commits in order, so a status that survived implies its rows did.
/// </summary>
public sealed class SqlImportStore(Database database) : IImportStore
{
    private const string JobColumns = "import_id, department, roles, key_id, format, dry_run, file_name, status, created_at";

    public Task Create(ImportJob job, byte[] file, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            await using var command = Database.Command(connection, $"""
                INSERT INTO imports ({JobColumns}, file)
                VALUES (@id, @dept, @roles, @key, @format, @dry, @name, @status, @at, @file)
                """, tx, ("@id", job.ImportId), ("@dept", job.Department), ("@roles", JsonSerializer.Serialize(job.Roles)), ("@key", job.KeyId),
                ("@format", job.Format), ("@dry", job.DryRun ? 1 : 0), ("@name", job.FileName), ("@status", job.Status),
                ("@at", job.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("@file", file));
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public async Task<ImportJob?> Find(string importId, CancellationToken ct = default) =>
        (await Jobs("WHERE import_id = @id", ct, ("@id", importId))).FirstOrDefault();

    public async Task<byte[]?> File(string importId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, "SELECT file FROM imports WHERE import_id = @id", null, ("@id", importId));
        return await command.ExecuteScalarAsync(ct) as byte[];
    }

    public async Task<IReadOnlyList<ImportJob>> Unfinished(CancellationToken ct = default) =>
        await Jobs("WHERE status IN ('validating', 'importing') ORDER BY created_at", ct);

    public async Task<(int Total, IReadOnlyList<ImportJob> Items)> List(string? department, int page, int pageSize, CancellationToken ct = default)
    {
        var where = department is null ? "" : "WHERE department = @dept";
        await using var connection = await database.Open(ct);
        await using var count = Database.Command(connection, $"SELECT COUNT(*) FROM imports {where}", null, ("@dept", department));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var items = await Jobs($"{where} ORDER BY created_at DESC, import_id LIMIT @limit OFFSET @offset", ct,
            ("@dept", department), ("@limit", pageSize), ("@offset", (page - 1) * pageSize));
        return (total, items);
    }

    private async Task<List<ImportJob>> Jobs(string tail, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, $"SELECT {JobColumns} FROM imports {tail}", null, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<ImportJob>();
        while (await reader.ReadAsync(ct))
            list.Add(new ImportJob(reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2)) ?? [],
                reader.GetString(3), reader.GetString(4), Database.Long(reader, 5) != 0, reader.GetString(6), reader.GetString(7),
                DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture)));
        return list;
    }

    public Task ClearRows(string importId, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            foreach (var table in new[] { "import_rows", "import_row_events" })
            {
                await using var command = Database.Command(connection, $"DELETE FROM {table} WHERE import_id = @id", tx, ("@id", importId));
                await command.ExecuteNonQueryAsync(ct);
            }
        }, ct);

    public Task AddRows(string importId, IReadOnlyList<ImportRow> rows, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            if (database.IsPostgres)
            {
                await PostgresImportRows.Add(connection, tx, importId, rows, ct); // one statement per table and chunk
                return;
            }
            foreach (var r in rows)
            {
                var insert = Database.Reused(connection, tx, """
                    INSERT INTO import_rows (import_id, row_no, status, event_ids, events, errors, duplicate)
                    VALUES (@id, @row, @status, @ids, @events, @errors, 0)
                    """, ("@id", importId), ("@row", r.Row), ("@status", r.Status), ("@ids", JsonSerializer.Serialize(r.EventIds)),
                    ("@events", r.EventsJson), ("@errors", r.Errors is null ? null : JsonSerializer.Serialize(r.Errors)));
                await insert.ExecuteNonQueryAsync(ct);
                foreach (var eventId in r.EventIds)
                {
                    var link = Database.Reused(connection, tx, """
                        INSERT INTO import_row_events (import_id, row_no, event_id) VALUES (@id, @row, @event)
                        ON CONFLICT DO NOTHING
                        """, ("@id", importId), ("@row", r.Row), ("@event", eventId));
                    await link.ExecuteNonQueryAsync(ct);
                }
            }
        }, synced: false, ct);

    public Task SetStatus(string importId, string status, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            var dropFile = status is ImportStatus.Validating ? "" : ", file = NULL";
            await using var command = Database.Command(connection, $"UPDATE imports SET status = @status{dropFile} WHERE import_id = @id", tx,
                ("@status", status), ("@id", importId));
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public async Task<ImportCounts> Counts(string importId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection,
            "SELECT status, COUNT(*) FROM import_rows WHERE import_id = @id GROUP BY status", null, ("@id", importId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var by = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) by[reader.GetString(0)] = (int)Database.Long(reader, 1);
        int N(string s) => by.GetValueOrDefault(s);
        // Counters are cumulative along the way (docs/imports.md): an applied row is also accepted and valid.
        var applied = N(RowStatus.Applied);
        var accepted = N(RowStatus.Accepted) + applied;
        return new ImportCounts(by.Values.Sum(), N(RowStatus.Valid) + accepted, N(RowStatus.Rejected), N(RowStatus.Held), accepted, applied);
    }

    private const string RowColumns = "row_no, status, event_ids, events, errors, duplicate";

    public async Task<(int Total, IReadOnlyList<ImportRow> Items)> Rows(string importId, string? status, int page, int pageSize, CancellationToken ct = default)
    {
        var where = status is null ? "import_id = @id" : "import_id = @id AND status = @status";
        await using var connection = await database.Open(ct);
        await using var count = Database.Command(connection, $"SELECT COUNT(*) FROM import_rows WHERE {where}", null, ("@id", importId), ("@status", status));
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var items = await ReadRows(connection, $"WHERE {where} ORDER BY row_no LIMIT @limit OFFSET @offset", ct,
            ("@id", importId), ("@status", status), ("@limit", pageSize), ("@offset", (page - 1) * pageSize));
        return (total, items);
    }

    public async Task<ImportRow?> Row(string importId, int row, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        return (await ReadRows(connection, "WHERE import_id = @id AND row_no = @row", ct, ("@id", importId), ("@row", row))).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ImportRow>> Next(string importId, string status, int after, int max, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        return await ReadRows(connection, "WHERE import_id = @id AND status = @status AND row_no > @after ORDER BY row_no LIMIT @max", ct,
            ("@id", importId), ("@status", status), ("@after", after), ("@max", max));
    }

    private static async Task<List<ImportRow>> ReadRows(DbConnection connection, string tail, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Database.Command(connection, $"SELECT {RowColumns} FROM import_rows {tail}", null, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<ImportRow>();
        while (await reader.ReadAsync(ct))
            list.Add(new ImportRow((int)Database.Long(reader, 0), reader.GetString(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2)) ?? [],
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<RowErrors>(reader.GetString(4)),
                Database.Long(reader, 5) != 0));
        return list;
    }

    public Task Update(string importId, IReadOnlyList<RowOutcome> outcomes, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            if (database.IsPostgres)
            {
                await PostgresImportRows.Update(connection, tx, importId, outcomes, ct); // one statement per chunk
                return;
            }
            foreach (var o in outcomes)
            {
                var update = Database.Reused(connection, tx, """
                    UPDATE import_rows SET status = @status, errors = COALESCE(@errors, errors),
                        duplicate = CASE WHEN @status = 'accepted' THEN @dup ELSE duplicate END
                    WHERE import_id = @id AND row_no = @row
                    """, ("@status", o.Status), ("@errors", o.Errors is null ? null : JsonSerializer.Serialize(o.Errors)),
                    ("@dup", o.Duplicate ? 1 : 0), ("@id", importId), ("@row", o.Row));
                await update.ExecuteNonQueryAsync(ct);
            }
        }, synced: false, ct); // a lost update is found again: the worker re-accepts (duplicate) or re-reads the intake

    public Task Decide(string importId, int row, string status, string? eventsJson, RowErrors? errors, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            await using var command = Database.Command(connection, """
                UPDATE import_rows SET status = @status, events = COALESCE(@events, events), errors = @errors
                WHERE import_id = @id AND row_no = @row
                """, tx, ("@status", status), ("@events", eventsJson), ("@errors", errors is null ? null : JsonSerializer.Serialize(errors)),
                ("@id", importId), ("@row", row));
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public async Task<IReadOnlyList<(int Row, bool AllApplied, string? RejectedReason)>> Progress(string importId, int max, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, """
            SELECT r.row_no, i.state, i.reason
            FROM (SELECT row_no FROM import_rows WHERE import_id = @id AND status = 'accepted' ORDER BY row_no LIMIT @max) r
            JOIN import_row_events e ON e.import_id = @id AND e.row_no = r.row_no
            LEFT JOIN intake_events i ON i.event_id = e.event_id
            ORDER BY r.row_no
            """, null, ("@id", importId), ("@max", max));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(int Row, bool AllApplied, string? RejectedReason)>();
        while (await reader.ReadAsync(ct))
        {
            var row = (int)Database.Long(reader, 0);
            var state = reader.IsDBNull(1) ? null : reader.GetString(1);
            var reason = state == "rejected" ? (reader.IsDBNull(2) ? "rejected" : reader.GetString(2)) : null;
            if (rows.Count > 0 && rows[^1].Row == row)
                rows[^1] = (row, rows[^1].AllApplied && state == "applied", rows[^1].RejectedReason ?? reason);
            else
                rows.Add((row, state == "applied", reason));
        }
        return rows;
    }
}
