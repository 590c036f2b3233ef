using System.Data.Common;
using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The projection rows of a PostgreSQL group's written states, one statement per table (<see cref="PostgresGroupCommit"/>):
/// the same rows <see cref="Projections.Write"/> writes one by one. A key seen twice in a group is written once, as the
/// per-row statements would leave it (ON CONFLICT DO UPDATE cannot touch one row twice in one statement).
/// </summary>
public static class ProjectionBatch
{
    public static async Task Write(DbConnection connection, DbTransaction tx, IReadOnlyList<Projections.Rows> all, DateTimeOffset at)
    {
        if (all.Count == 0) return;
        var stamp = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        await Summaries(connection, tx, all, stamp);
        await ObjectionRows(connection, tx, all);
        await ComplaintRows(connection, tx, all);
        await ChangeRows(connection, tx, all);
        await Listings(connection, tx, all, stamp);
        await Penalties(connection, tx, all);
        // A street's 示范店 rows change only when its top 10 does (rare): row by row, the street's last set wins.
        foreach (var street in all.Select(r => r.Exemplary).OfType<ExemplaryRows>().GroupBy(x => x.Street).Select(g => g.Last()))
            await ExemplaryProjection.Write(connection, tx, street);
    }

    /// <summary>The row with the highest version wins (the upsert's WHERE excluded.version >= version), the later on a tie.</summary>
    private static List<T> Newest<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, Func<T, long> version) where TKey : notnull =>
        rows.GroupBy(key).Select(g => g.Aggregate((a, b) => version(b) >= version(a) ? b : a)).ToList();

    private static async Task Summaries(DbConnection connection, DbTransaction tx, IReadOnlyList<Projections.Rows> all, string stamp)
    {
        var rows = Newest(all.Select(r => r.Summary).OfType<SubjectSummary>(), s => (s.Kind, s.Id), s => s.Version);
        if (rows.Count == 0) return;
        await using var command = Database.Command(connection, """
            INSERT INTO subject_summary (kind, id, name, score, grade, stars, color, street, downgraded, version, updated_at, handle)
            SELECT u.kind, u.id, u.name, u.score, u.grade, u.stars, u.color, u.street, u.downgraded, u.version, @at, u.handle
            FROM unnest(@kind::text[], @id::text[], @name::text[], @score::int[], @grade::text[], @stars::int[], @color::text[],
                @street::text[], @downgraded::int[], @version::bigint[], @handle::text[])
                AS u(kind, id, name, score, grade, stars, color, street, downgraded, version, handle)
            ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, score = excluded.score, grade = excluded.grade,
                stars = excluded.stars, color = excluded.color, street = excluded.street, downgraded = excluded.downgraded,
                version = excluded.version, updated_at = excluded.updated_at, handle = COALESCE(subject_summary.handle, excluded.handle)
            WHERE excluded.version >= subject_summary.version
            """, tx, ("@at", stamp),
            ("@kind", rows.Select(s => s.Kind.ToWire()).ToArray()), ("@id", rows.Select(s => s.Id).ToArray()),
            ("@name", rows.Select(s => s.Name).ToArray()), ("@score", rows.Select(s => s.Score).ToArray()),
            ("@grade", rows.Select(s => s.Grade).ToArray()), ("@stars", rows.Select(s => s.Stars).ToArray()),
            ("@color", rows.Select(s => s.Color).ToArray()), ("@street", rows.Select(s => s.Street).ToArray()),
            ("@downgraded", rows.Select(s => s.Downgraded ? 1 : 0).ToArray()), ("@version", rows.Select(s => s.Version).ToArray()),
            ("@handle", rows.Select(_ => SubjectHandle.New()).ToArray())); // the search `ref`: used on first insert only (docs/search.md)
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ObjectionRows(DbConnection connection, DbTransaction tx, IReadOnlyList<Projections.Rows> all)
    {
        // An objection's last row wins (an unconditional upsert, one by one).
        var rows = all.SelectMany(r => r.Objections).GroupBy(o => o.ObjectionId).Select(g => g.Last()).ToList();
        if (rows.Count == 0) return;
        await using var command = Database.Command(connection, """
            INSERT INTO objections (objection_id, record_id, subject_kind, subject_id, reason, needs_other_units, opened_at, due_at,
                status, upheld, note, resolved_at, indicator)
            SELECT * FROM unnest(@id::text[], @record::text[], @kind::text[], @subject::text[], @reason::text[], @other::int[], @opened::text[],
                @due::text[], @status::text[], @upheld::int[], @note::text[], @resolved::text[], @indicator::text[])
            ON CONFLICT (objection_id) DO UPDATE SET record_id = excluded.record_id, subject_kind = excluded.subject_kind,
                subject_id = excluded.subject_id, reason = excluded.reason, needs_other_units = excluded.needs_other_units,
                opened_at = excluded.opened_at, due_at = excluded.due_at, status = excluded.status, upheld = excluded.upheld,
                note = excluded.note, resolved_at = excluded.resolved_at, indicator = excluded.indicator
            """, tx,
            ("@id", rows.Select(o => o.ObjectionId).ToArray()), ("@record", rows.Select(o => o.RecordId).ToArray()),
            ("@kind", rows.Select(o => o.SubjectKind.ToWire()).ToArray()), ("@subject", rows.Select(o => o.SubjectId).ToArray()),
            ("@reason", rows.Select(o => o.Reason).ToArray()), ("@other", rows.Select(o => o.NeedsOtherUnits ? 1 : 0).ToArray()),
            ("@opened", rows.Select(o => Day(o.OpenedAt)).ToArray()), ("@due", rows.Select(o => Day(o.DueAt)).ToArray()),
            ("@status", rows.Select(o => o.Status).ToArray()), ("@upheld", rows.Select(o => o.Upheld is { } u ? u ? 1 : 0 : (int?)null).ToArray()),
            ("@note", rows.Select(o => o.Note).ToArray()), ("@resolved", rows.Select(o => Day(o.ResolvedAt)).ToArray()),
            ("@indicator", rows.Select(o => o.Indicator).ToArray()));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ComplaintRows(DbConnection connection, DbTransaction tx, IReadOnlyList<Projections.Rows> all)
    {
        // Complaints are written with their merchant's summary (Projections.Write); a complaint's last row wins.
        var rows = all.Where(r => r.Summary is not null && r.Complaints is { Count: > 0 })
            .SelectMany(r => r.Complaints!.Select(c => (Merchant: r.Summary!.Id, Complaint: c)))
            .GroupBy(x => x.Complaint.ComplaintId).Select(g => g.Last()).ToList();
        if (rows.Count == 0) return;
        await using var command = Database.Command(connection, """
            INSERT INTO complaints (complaint_id, merchant_id, text, received_at, substantiated, verdict_by, verdict_at, resolved_at, status)
            SELECT * FROM unnest(@id::text[], @merchant::text[], @text::text[], @received::text[], @substantiated::int[], @by::text[],
                @verdictAt::text[], @resolved::text[], @status::text[])
            ON CONFLICT (complaint_id) DO UPDATE SET merchant_id = excluded.merchant_id, text = excluded.text, received_at = excluded.received_at,
                substantiated = excluded.substantiated, verdict_by = excluded.verdict_by, verdict_at = excluded.verdict_at,
                resolved_at = excluded.resolved_at, status = excluded.status
            """, tx,
            ("@id", rows.Select(x => x.Complaint.ComplaintId).ToArray()), ("@merchant", rows.Select(x => x.Merchant).ToArray()),
            ("@text", rows.Select(x => x.Complaint.Text).ToArray()), ("@received", rows.Select(x => Day(x.Complaint.ReceivedAt)).ToArray()),
            ("@substantiated", rows.Select(x => x.Complaint.Substantiated is { } s ? (s ? 1 : 0) : (int?)null).ToArray()),
            ("@by", rows.Select(x => x.Complaint.VerdictBy).ToArray()), ("@verdictAt", rows.Select(x => Day(x.Complaint.VerdictAt)).ToArray()),
            ("@resolved", rows.Select(x => Day(x.Complaint.ResolvedAt)).ToArray()),
            ("@status", rows.Select(x => CreditGrid.Core.Street.ComplaintStatus.Of(x.Complaint)).ToArray()));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ChangeRows(DbConnection connection, DbTransaction tx, IReadOnlyList<Projections.Rows> all)
    {
        // ON CONFLICT DO NOTHING: a line's first row stays; a line seen twice in the group is sent once. The lines keep
        // their order in the group (seq follows it, as one by one).
        var rows = all.Where(r => r.Changes is not null).SelectMany(r => r.Changes!).DistinctBy(c => c.Key).ToList();
        if (rows.Count == 0) return;
        await using var command = Database.Command(connection, """
            INSERT INTO change_log (change_key, at, kind, id, name, street, change_kind, from_value, to_value, event_id, department)
            SELECT change_key, at, kind, id, name, street, change_kind, from_value, to_value, event_id, department
            FROM unnest(@key::text[], @at::text[], @kind::text[], @id::text[], @name::text[], @street::text[], @change::text[],
                @from::text[], @to::text[], @event::text[], @department::text[]) WITH ORDINALITY AS u(change_key, at, kind, id, name, street,
                change_kind, from_value, to_value, event_id, department, n)
            ORDER BY n
            ON CONFLICT (change_key) DO NOTHING
            """, tx,
            ("@key", rows.Select(c => c.Key).ToArray()), ("@at", rows.Select(c => ChangeLogRows.Instant(c.At)).ToArray()),
            ("@kind", rows.Select(c => c.Kind).ToArray()), ("@id", rows.Select(c => c.Id).ToArray()), ("@name", rows.Select(c => c.Name).ToArray()),
            ("@street", rows.Select(c => c.Street).ToArray()), ("@change", rows.Select(c => c.Change).ToArray()),
            ("@from", rows.Select(c => c.From).ToArray()), ("@to", rows.Select(c => c.To).ToArray()),
            ("@event", rows.Select(c => c.EventId).ToArray()), ("@department", rows.Select(c => c.Department).ToArray()));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Listings(DbConnection connection, DbTransaction tx, IReadOnlyList<Projections.Rows> all, string stamp)
    {
        var rows = Newest(all.Select(r => r.Listing).OfType<ListingRow>(), l => (l.Kind, l.Id), l => l.Version);
        if (rows.Count == 0) return;
        await using var command = Database.Command(connection, """
            INSERT INTO public_list (kind, id, list, name, grade, stars, unit, reason, since, record_id, version, updated_at)
            SELECT u.kind, u.id, u.list, u.name, u.grade, u.stars, u.unit, u.reason, u.since, u.record_id, u.version, @at
            FROM unnest(@kind::text[], @id::text[], @list::text[], @name::text[], @grade::text[], @stars::int[], @unit::text[],
                @reason::text[], @since::text[], @record::text[], @version::bigint[])
                AS u(kind, id, list, name, grade, stars, unit, reason, since, record_id, version)
            ON CONFLICT (kind, id) DO UPDATE SET list = excluded.list, name = excluded.name, grade = excluded.grade, stars = excluded.stars,
                unit = excluded.unit, reason = excluded.reason, since = excluded.since, record_id = excluded.record_id,
                version = excluded.version, updated_at = excluded.updated_at
            WHERE excluded.version >= public_list.version
            """, tx, ("@at", stamp),
            ("@kind", rows.Select(l => l.Kind.ToWire()).ToArray()), ("@id", rows.Select(l => l.Id).ToArray()),
            ("@list", rows.Select(l => l.Entry?.List).ToArray()), ("@name", rows.Select(l => l.Entry?.Name).ToArray()),
            ("@grade", rows.Select(l => l.Entry?.Grade).ToArray()), ("@stars", rows.Select(l => l.Entry?.Stars).ToArray()),
            ("@unit", rows.Select(l => l.Entry?.Unit).ToArray()), ("@reason", rows.Select(l => l.Entry?.Reason).ToArray()),
            ("@since", rows.Select(l => l.Entry is { } e ? Day(e.Since) : null).ToArray()), ("@record", rows.Select(l => l.Entry?.RecordId).ToArray()),
            ("@version", rows.Select(l => l.Version).ToArray()));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Penalties(DbConnection connection, DbTransaction tx, IReadOnlyList<Projections.Rows> all)
    {
        // 双公示 (domain-rules §9, L483): a subject's last set in the group; a difference (Removed) or all of its rows.
        var sets = all.Select(r => r.Penalties).OfType<PenaltyRows>().GroupBy(p => (p.Kind, p.Id)).Select(g => g.Last()).ToList();
        if (sets.Count == 0) return;
        var removed = sets.Where(p => p.Removed is { Count: > 0 }).SelectMany(p => p.Removed!.Select(r => (Set: p, Record: r))).ToList();
        if (removed.Count > 0)
        {
            await using var drop = Database.Command(connection, """
                DELETE FROM public_penalty p USING unnest(@record::text[], @kind::text[], @id::text[]) AS u(record, kind, id)
                WHERE p.record_id = u.record AND p.subject_kind = u.kind AND p.subject_id = u.id
                """, tx, ("@record", removed.Select(x => x.Record).ToArray()), ("@kind", removed.Select(x => x.Set.Kind.ToWire()).ToArray()),
                ("@id", removed.Select(x => x.Set.Id).ToArray()));
            await drop.ExecuteNonQueryAsync();
        }
        var replaced = sets.Where(p => !p.Fresh && p.Removed is null).ToList();
        if (replaced.Count > 0)
        {
            await using var delete = Database.Command(connection, """
                DELETE FROM public_penalty p USING unnest(@kind::text[], @id::text[]) AS u(kind, id)
                WHERE p.subject_kind = u.kind AND p.subject_id = u.id
                """, tx, ("@kind", replaced.Select(p => p.Kind.ToWire()).ToArray()), ("@id", replaced.Select(p => p.Id).ToArray()));
            await delete.ExecuteNonQueryAsync();
        }
        var rows = sets.SelectMany(p => p.Items.Select(r => (Set: p, Row: r))).ToList();
        if (rows.Count == 0) return;
        await using var insert = Database.Command(connection, """
            INSERT INTO public_penalty (record_id, subject_kind, subject_id, subject_name, name, department, decision_ref, occurred_at, expires_at, late)
            SELECT * FROM unnest(@record::text[], @kind::text[], @id::text[], @subject::text[], @name::text[], @department::text[], @ref::text[],
                @occurred::text[], @expires::text[], @late::int[])
            """, tx,
            ("@record", rows.Select(x => x.Row.RecordId).ToArray()), ("@kind", rows.Select(x => x.Set.Kind.ToWire()).ToArray()),
            ("@id", rows.Select(x => x.Set.Id).ToArray()), ("@subject", rows.Select(x => x.Set.Name).ToArray()),
            ("@name", rows.Select(x => x.Row.Name).ToArray()), ("@department", rows.Select(x => x.Row.Department).ToArray()),
            ("@ref", rows.Select(x => x.Row.DecisionRef).ToArray()), ("@occurred", rows.Select(x => Day(x.Row.OccurredAt)).ToArray()),
            ("@expires", rows.Select(x => x.Row.ExpiresAt is { } e ? Day(e) : null).ToArray()), ("@late", rows.Select(x => x.Row.Late ? 1 : 0).ToArray()));
        await insert.ExecuteNonQueryAsync();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? d) => d is { } day ? Day(day) : null;
}
