using System.Data.Common;
using System.Globalization;
using CreditGrid.Core;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// A PostgreSQL group commit, set-based (issue 16; architecture "Speed in the production shape": a round's writes in a
/// few set-based statements in one transaction). Per-row statements cost the server ~1.4 ms CPU per event; here each
/// table gets one statement for the whole group, its rows passed as typed arrays and read back with <c>unnest</c>.
/// Order: grain states first (ETag-guarded); a state whose ETag is stale gets no row back and fails alone (its
/// projection rows are not written), the others go on to their projections (<see cref="ProjectionBatch"/>); then
/// due_work, record_index and the applied marks. The rows are the ones the per-row statements write (docs/postgres.md).
/// </summary>
public static class PostgresGroupCommit
{
    // The stock WriteToStorageKey (postgres-persistence.sql) for many keys at once: "upd" for a known ETag (the row must
    // still be at it), "ins" for a first write (ON CONFLICT DO NOTHING: another activation wrote first). The rows of
    // a statement have distinct keys (Run splits repeats into later passes), so each input row gets at most one answer.
    private const string WriteStates = """
        WITH input AS (
            SELECT * FROM unnest(@ord::int[], @service::text[], @state::text[], @n0::bigint[], @n1::bigint[], @ext::text[], @expected::int[], @payload::bytea[])
                AS i(ord, service_id, state_name, n0, n1, ext, expected, payload)
        ), upd AS (
            UPDATE orleans_grain_state g
            SET payload = i.payload, version = nextval('orleans_grain_state_version'), modified_at = now()
            FROM input i
            WHERE i.expected IS NOT NULL AND g.grain_id_ext = i.ext AND g.grain_id_n1 = i.n1 AND g.grain_id_n0 = i.n0
              AND g.state_name = i.state_name AND g.service_id = i.service_id AND g.version = i.expected
            RETURNING i.ord, g.version
        ), ins AS (
            INSERT INTO orleans_grain_state (grain_id_ext, grain_id_n1, grain_id_n0, state_name, service_id, payload, version, modified_at)
            SELECT i.ext, i.n1, i.n0, i.state_name, i.service_id, i.payload, nextval('orleans_grain_state_version'), now()
            FROM input i WHERE i.expected IS NULL
            ON CONFLICT ON CONSTRAINT pk_orleans_grain_state DO NOTHING
            RETURNING grain_id_ext, grain_id_n1, grain_id_n0, state_name, service_id, version
        )
        SELECT ord, version FROM upd
        UNION ALL
        SELECT i.ord, ins.version FROM ins JOIN input i ON i.expected IS NULL AND i.ext = ins.grain_id_ext AND i.n1 = ins.grain_id_n1
            AND i.n0 = ins.grain_id_n0 AND i.state_name = ins.state_name AND i.service_id = ins.service_id
        """;

    /// <summary>Writes the group in the caller's transaction; a write that failed alone has <see cref="GroupedWrite.Failed"/> set.</summary>
    public static async Task Run(DbConnection connection, DbTransaction tx, IReadOnlyList<GroupedWrite> batch)
    {
        var at = DateTimeOffset.UtcNow;
        var written = new List<Projections.Rows>();
        var states = batch.OfType<StateWrite>().ToList();
        while (states.Count > 0)
        {
            // One activation writes one state at a time, so a key repeats only when two activations race: the repeat
            // goes to a later pass (its ETag is then stale against the first, as it would be one by one).
            var seen = new HashSet<StateKey>();
            var pass = new List<StateWrite>();
            var later = new List<StateWrite>();
            foreach (var s in states) (seen.Add(s.Key) ? pass : later).Add(s);
            await WritePass(connection, tx, pass);
            written.AddRange(pass.Where(s => s.Failed is null && s.Rows is not null).Select(s => s.Rows!));
            states = later;
        }
        await ProjectionBatch.Write(connection, tx, written, at);
        await WriteDueWork(connection, tx, batch.OfType<DueWorkWrite>().ToList());
        await WriteRecordIndex(connection, tx, batch.OfType<RecordIndexWrite>().ToList());
        await MarkApplied(connection, tx, batch.OfType<AppliedMarkWrite>().ToList());
        foreach (var other in batch.OfType<ClosureWrite>()) await other.Run(connection, tx);
    }

    private static async Task WritePass(DbConnection connection, DbTransaction tx, List<StateWrite> pass)
    {
        if (pass.Count == 0) return;
        await using var command = Database.Command(connection, WriteStates, tx,
            ("@ord", Enumerable.Range(0, pass.Count).ToArray()),
            ("@service", pass.Select(s => s.Key.ServiceId).ToArray()),
            ("@state", pass.Select(s => s.Key.StateName).ToArray()),
            ("@n0", pass.Select(s => s.Key.N0).ToArray()),
            ("@n1", pass.Select(s => s.Key.N1).ToArray()),
            ("@ext", pass.Select(s => s.Key.Extension ?? "").ToArray()),
            ("@expected", pass.Select(s => s.Expected).ToArray()),
            ("@payload", pass.Select(s => s.Payload).ToArray()));
        var versions = new long?[pass.Count];
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) versions[reader.GetInt32(0)] = Database.Long(reader, 1);
        for (var i = 0; i < pass.Count; i++) pass[i].Accept(versions[i]);
    }

    private static async Task WriteDueWork(DbConnection connection, DbTransaction tx, List<DueWorkWrite> due)
    {
        if (due.Count == 0) return;
        // The last write of a key wins, as one by one.
        var last = due.GroupBy(d => (d.GrainKind, d.GrainId)).Select(g => g.Last()).ToList();
        var set = last.Where(d => d.DueAt is not null).ToList();
        var cleared = last.Where(d => d.DueAt is null).ToList();
        if (set.Count > 0)
        {
            await using var upsert = Database.Command(connection, """
                INSERT INTO due_work (grain_kind, grain_id, due_at)
                SELECT * FROM unnest(@kind::text[], @id::text[], @at::text[])
                ON CONFLICT (grain_kind, grain_id) DO UPDATE SET due_at = excluded.due_at
                """, tx, ("@kind", set.Select(d => d.GrainKind).ToArray()), ("@id", set.Select(d => d.GrainId).ToArray()),
                ("@at", set.Select(d => d.DueAt!).ToArray()));
            await upsert.ExecuteNonQueryAsync();
        }
        if (cleared.Count > 0)
        {
            await using var delete = Database.Command(connection, """
                DELETE FROM due_work d USING unnest(@kind::text[], @id::text[]) AS u(kind, id)
                WHERE d.grain_kind = u.kind AND d.grain_id = u.id
                """, tx, ("@kind", cleared.Select(d => d.GrainKind).ToArray()), ("@id", cleared.Select(d => d.GrainId).ToArray()));
            await delete.ExecuteNonQueryAsync();
        }
    }

    private static async Task WriteRecordIndex(DbConnection connection, DbTransaction tx, List<RecordIndexWrite> index)
    {
        if (index.Count == 0) return;
        // The first row of a record id wins (ON CONFLICT DO NOTHING, as one by one).
        var rows = index.Select(r => r.Location).DistinctBy(l => l.RecordId).ToList();
        await using var insert = Database.Command(connection, """
            INSERT INTO record_index (record_id, subject_kind, subject_id, department, event_id)
            SELECT * FROM unnest(@record::text[], @kind::text[], @subject::text[], @dept::text[], @event::text[])
            ON CONFLICT (record_id) DO NOTHING
            """, tx, ("@record", rows.Select(l => l.RecordId).ToArray()), ("@kind", rows.Select(l => l.Kind.ToWire()).ToArray()),
            ("@subject", rows.Select(l => l.SubjectId).ToArray()), ("@dept", rows.Select(l => l.Department).ToArray()),
            ("@event", rows.Select(l => l.EventId).ToArray()));
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task MarkApplied(DbConnection connection, DbTransaction tx, List<AppliedMarkWrite> marks)
    {
        if (marks.Count == 0) return;
        var now = marks[0].Now();
        var ids = marks.Select(m => m.EventId).Distinct().ToArray();
        await using var update = Database.Command(connection, """
            UPDATE intake_events e SET state = 'applied', applied_at = @at
            FROM unnest(@ids::text[]) AS u(id)
            WHERE e.event_id = u.id AND e.state IN ('accepted', 'delivered')
            RETURNING e.received_at
            """, tx, ("@at", now.ToString("O", CultureInfo.InvariantCulture)), ("@ids", ids));
        await using var reader = await update.ExecuteReaderAsync();
        while (await reader.ReadAsync()) marks[0].Applied(reader.GetString(0), now);
    }
}
