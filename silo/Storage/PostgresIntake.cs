using System.Data.Common;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The intake's writes on PostgreSQL as one statement per table for the whole request (architecture.md "Speed in the
/// production shape": the intake request is one statement for the whole batch), not one round trip per event. The
/// answers are exactly SQLite's per-row ones (duplicate = same body hash, conflict = another body; a repeat inside one
/// request is answered against its first occurrence); the seq order is the request's order.
/// </summary>
public static class PostgresIntake
{
    private const string InsertEvents = """
        INSERT INTO intake_events (event_id, body_hash, department, subject_kind, subject_id, payload, state, record_ids, received_at)
        SELECT u.id, u.hash, u.dept, u.kind, u.subject, u.payload, 'accepted', u.records, @at
        FROM unnest(@ids::text[], @hashes::text[], @depts::text[], @kinds::text[], @subjects::text[], @payloads::text[], @records::text[])
             WITH ORDINALITY AS u(id, hash, dept, kind, subject, payload, records, ord)
        ORDER BY u.ord
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id
        """;

    private const string InsertIndex = """
        INSERT INTO record_index (record_id, subject_kind, subject_id, department, event_id)
        SELECT * FROM unnest(@records::text[], @kinds::text[], @subjects::text[], @depts::text[], @ids::text[])
        ON CONFLICT (record_id) DO NOTHING
        """;

    /// <summary>Stores the request's new events (one INSERT for the events, one for their record index) and answers every item.</summary>
    public static async Task<List<IntakeResult>> Insert(DbConnection connection, DbTransaction tx, IReadOnlyList<IntakeItem> items, string now, CancellationToken ct)
    {
        // The first occurrence of each event id is the one offered for insert (ON CONFLICT DO NOTHING would keep one anyway).
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<IntakeRow>(items.Count);
        for (var i = 0; i < items.Count; i++)
            if (first.TryAdd(items[i].Event.EventId, i)) rows.Add(IntakeRow.Of(items[i]));

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var insert = Database.Command(connection, InsertEvents, tx,
            ("@ids", Column(rows, r => r.EventId)), ("@hashes", Column(rows, r => r.BodyHash)), ("@depts", Column(rows, r => r.Department)),
            ("@kinds", Column(rows, r => r.Kind)), ("@subjects", Column(rows, r => r.SubjectId)), ("@payloads", Column(rows, r => r.Payload)),
            ("@records", Column(rows, r => r.RecordIdsJson)), ("@at", now)))
        await using (var reader = await insert.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) inserted.Add(reader.GetString(0));

        var stored = rows.Where(r => inserted.Contains(r.EventId)).ToList();
        if (stored.Count > 0)
        {
            await using var index = Database.Command(connection, InsertIndex, tx,
                ("@records", Column(stored, r => r.RecordId)), ("@kinds", Column(stored, r => r.IndexKind)), ("@subjects", Column(stored, r => r.SubjectId)),
                ("@depts", Column(stored, r => r.Department)), ("@ids", Column(stored, r => r.EventId)));
            await index.ExecuteNonQueryAsync(ct);
        }

        // The ids that were there already (committed before, or by a concurrent request this insert waited for): one read.
        var existing = new Dictionary<string, (string Hash, EventStatus Status)>(StringComparer.Ordinal);
        var missing = rows.Where(r => !inserted.Contains(r.EventId)).Select(r => r.EventId).ToArray();
        if (missing.Length > 0)
        {
            await using var read = Database.Command(connection,
                $"SELECT {IntakeRow.StatusColumns}, event_id FROM intake_events WHERE event_id = ANY(@ids::text[])", tx, ("@ids", missing));
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(7);
                existing[id] = IntakeRow.StatusOf(reader, id);
            }
        }

        var list = new List<IntakeResult>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = item.Event.EventId;
            var at = first[id];
            if (inserted.Contains(id))
            {
                var accepted = IntakeRow.Accepted(items[at].Event);
                list.Add(at == i ? accepted : IntakeRow.Existing(item, items[at].BodyHash, accepted.Status));
            }
            else if (existing.TryGetValue(id, out var row)) list.Add(IntakeRow.Existing(item, row.Hash, row.Status));
            else throw new InvalidOperationException($"Intake row {id} neither inserted nor found."); // the table is never deleted from
        }
        return list;
    }

    private const string UpdateOutcomes = """
        UPDATE intake_events AS i
        SET state = u.state, record_ids = u.records, reason = u.reason,
            applied_at = CASE WHEN u.state = 'applied' THEN @at ELSE i.applied_at END
        FROM unnest(@ids::text[], @states::text[], @records::text[], @reasons::text[]) AS u(id, state, records, reason)
        WHERE i.event_id = u.id AND i.state NOT IN ('applied', 'rejected')
        RETURNING u.state, i.received_at
        """;

    /// <summary>
    /// What the grains did, as one UPDATE. An id repeated in one call ends as the per-row updates would leave it: the
    /// first applied/rejected outcome sticks, otherwise the last one counts.
    /// </summary>
    public static async Task<List<string>> Record(DbConnection connection, DbTransaction tx, IReadOnlyList<ApplyOutcome> outcomes, string now, CancellationToken ct)
    {
        var byId = new Dictionary<string, ApplyOutcome>(StringComparer.Ordinal);
        foreach (var o in outcomes)
            if (!byId.TryGetValue(o.EventId, out var seen) || seen.State is not (EventState.Applied or EventState.Rejected)) byId[o.EventId] = o;
        // One order for every caller, so two concurrent calls lock shared rows in the same order.
        var rows = byId.Values.OrderBy(o => o.EventId, StringComparer.Ordinal).ToList();
        await using var update = Database.Command(connection, UpdateOutcomes, tx,
            ("@ids", rows.Select(o => o.EventId).ToArray()), ("@states", rows.Select(o => IntakeRow.Wire(o.State)).ToArray()),
            ("@records", rows.Select(o => System.Text.Json.JsonSerializer.Serialize(o.RecordIds)).ToArray()),
            ("@reasons", rows.Select(o => o.Reason).ToArray()), ("@at", now));
        await using var reader = await update.ExecuteReaderAsync(ct);
        var applied = new List<string>();
        while (await reader.ReadAsync(ct))
            if (reader.GetString(0) == "applied") applied.Add(reader.GetString(1));
        return applied; // the received_at of each event this call marked applied
    }

    private static string[] Column(List<IntakeRow> rows, Func<IntakeRow, string> of)
    {
        var column = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++) column[i] = of(rows[i]);
        return column;
    }
}
