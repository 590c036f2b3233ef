using System.Data.Common;
using System.Text.Json;
using CreditGrid.Core.Imports;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// An import's row writes on PostgreSQL as one statement per chunk and table (issue 14: the import at ≥ 0.5 of the
/// events:batch rate; issue 16: set-based writes), storing exactly what SQLite's per-row statements store.
/// </summary>
public static class PostgresImportRows
{
    private const string InsertRows = """
        INSERT INTO import_rows (import_id, row_no, status, event_ids, events, errors, duplicate)
        SELECT @id, u.row_no, u.status, u.ids, u.events, u.errors, 0
        FROM unnest(@rows::int[], @statuses::text[], @ids::text[], @events::text[], @errors::text[]) AS u(row_no, status, ids, events, errors)
        """;

    private const string InsertLinks = """
        INSERT INTO import_row_events (import_id, row_no, event_id)
        SELECT @id, u.row_no, u.event_id FROM unnest(@rows::int[], @events::text[]) AS u(row_no, event_id)
        ON CONFLICT DO NOTHING
        """;

    public static async Task Add(DbConnection connection, DbTransaction tx, string importId, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using (var insert = Database.Command(connection, InsertRows, tx, ("@id", importId),
            ("@rows", rows.Select(r => r.Row).ToArray()), ("@statuses", rows.Select(r => r.Status).ToArray()),
            ("@ids", rows.Select(r => JsonSerializer.Serialize(r.EventIds)).ToArray()), ("@events", rows.Select(r => r.EventsJson).ToArray()),
            ("@errors", rows.Select(r => r.Errors is null ? null : JsonSerializer.Serialize(r.Errors)).ToArray())))
            await insert.ExecuteNonQueryAsync(ct);
        var links = rows.SelectMany(r => r.EventIds.Select(e => (r.Row, Event: e))).ToList();
        if (links.Count == 0) return;
        await using var link = Database.Command(connection, InsertLinks, tx, ("@id", importId),
            ("@rows", links.Select(l => l.Row).ToArray()), ("@events", links.Select(l => l.Event).ToArray()));
        await link.ExecuteNonQueryAsync(ct);
    }

    private const string UpdateRows = """
        UPDATE import_rows AS r SET status = u.status, errors = COALESCE(u.errors, r.errors),
            duplicate = CASE WHEN u.status = 'accepted' THEN u.dup ELSE r.duplicate END
        FROM unnest(@rows::int[], @statuses::text[], @errors::text[], @dups::int[]) AS u(row_no, status, errors, dup)
        WHERE r.import_id = @id AND r.row_no = u.row_no
        """;

    /// <summary>The chunk's new row states in one UPDATE; a row named twice keeps its last outcome (the worker names each once).</summary>
    public static async Task Update(DbConnection connection, DbTransaction tx, string importId, IReadOnlyList<RowOutcome> outcomes, CancellationToken ct)
    {
        var rows = outcomes.GroupBy(o => o.Row).Select(g => g.Last()).OrderBy(o => o.Row).ToList();
        if (rows.Count == 0) return;
        await using var update = Database.Command(connection, UpdateRows, tx, ("@id", importId),
            ("@rows", rows.Select(o => o.Row).ToArray()), ("@statuses", rows.Select(o => o.Status).ToArray()),
            ("@errors", rows.Select(o => o.Errors is null ? null : JsonSerializer.Serialize(o.Errors)).ToArray()),
            ("@dups", rows.Select(o => o.Duplicate ? 1 : 0).ToArray()));
        await update.ExecuteNonQueryAsync(ct);
    }
}
