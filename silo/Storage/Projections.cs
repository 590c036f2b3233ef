using System.Data.Common;
using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>A subject as lists, search and the grade statistics show it: one row of <c>subject_summary</c>.</summary>
public sealed record SubjectSummary(
    SubjectKind Kind, string Id, string? Name, int? Score, string? Grade, int? Stars, string? Color, string? Street, bool Downgraded, long Version);

/// <summary>
/// A grain state that carries rows of the durable projections. The grain storage writes them in the same transaction
/// as the state (architecture: "Projections are durable and rebuildable"), so a crash can never keep one without the
/// other; <c>rebuild-projections</c> writes them again from the stored states.
/// </summary>
public interface IProjectedState
{
    /// <summary>The subject's summary row, or null while the state describes no subject yet.</summary>
    SubjectSummary? Summary(string grainKey);

    /// <summary>The subject's objections (L815), as the objection list shows them.</summary>
    IReadOnlyList<Objection> Objections(string grainKey);

    /// <summary>A merchant's complaints, for the complaints queue (the contact is left out there).</summary>
    IReadOnlyList<CreditGrid.Core.Street.Complaint> Complaints => [];

    /// <summary>The 诚信红黑榜 row to write (docs/portal.md): null when it has not changed; every one when <paramref name="all"/> (rebuild).</summary>
    ListingRow? ListRow(string grainKey, bool all) => null;

    /// <summary>After the commit: the listing row written.</summary>
    void ListingCommitted(ListingRow written) { }

    /// <summary>双公示 penalty rows to write (docs/portal.md): null when unchanged; every subject's when <paramref name="all"/> (rebuild).</summary>
    PenaltyRows? PenaltyRows(string grainKey, bool all) => null;

    void PenaltiesCommitted(PenaltyRows written) { }

    /// <summary>A street's 诚信经营示范店 rows of the red list (ExemplaryRows.cs): null when unchanged; every one when <paramref name="all"/>.</summary>
    ExemplaryRows? Exemplary(string grainKey, bool all) => null;

    void ExemplaryCommitted(ExemplaryRows written) { }

    /// <summary>Change log lines this write makes durable (docs/change-log.md); not part of the serialized state.</summary>
    PendingChanges? Changes() => null;
}

/// <summary>A subject's public_list row: its listing (null = on no list) at a version.</summary>
public sealed record ListingRow(SubjectKind Kind, string Id, CreditGrid.Core.Portal.PublicListing? Entry, long Version);

/// <summary>
/// A subject's public_penalty rows to write. <paramref name="Removed"/> null: <paramref name="Items"/> are all of them and
/// replace the subject's rows (Fresh: the table has none of its rows, rebuild). <paramref name="Removed"/> set: only the
/// difference from the rows written before — delete those record ids, insert <paramref name="Items"/> — so a subject with
/// many penalties does not rewrite all of them on every new one (issue 16: that was quadratic for busy subjects);
/// <paramref name="Whole"/> is then the subject's full list after the write.
/// </summary>
public sealed record PenaltyRows(SubjectKind Kind, string Id, string? Name, IReadOnlyList<CreditGrid.Core.Portal.PublicPenalty> Items, bool Fresh,
    IReadOnlyList<string>? Removed = null, IReadOnlyList<CreditGrid.Core.Portal.PublicPenalty>? Whole = null);

/// <summary>The statements that write the projections, inside the caller's transaction.</summary>
public static class Projections
{
    private const string UpsertSummary = """
        INSERT INTO subject_summary (kind, id, name, score, grade, stars, color, street, downgraded, version, updated_at, handle)
        VALUES (@kind, @id, @name, @score, @grade, @stars, @color, @street, @downgraded, @version, @at, @handle)
        ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, score = excluded.score, grade = excluded.grade,
            stars = excluded.stars, color = excluded.color, street = excluded.street, downgraded = excluded.downgraded,
            version = excluded.version, updated_at = excluded.updated_at, handle = COALESCE(subject_summary.handle, excluded.handle)
        WHERE excluded.version >= subject_summary.version
        """;

    private const string UpsertObjection = """
        INSERT INTO objections (objection_id, record_id, subject_kind, subject_id, reason, needs_other_units, opened_at, due_at,
            status, upheld, note, resolved_at, indicator)
        VALUES (@id, @record, @kind, @subject, @reason, @other, @opened, @due, @status, @upheld, @note, @resolved, @indicator)
        ON CONFLICT (objection_id) DO UPDATE SET record_id = excluded.record_id, subject_kind = excluded.subject_kind,
            subject_id = excluded.subject_id, reason = excluded.reason, needs_other_units = excluded.needs_other_units,
            opened_at = excluded.opened_at, due_at = excluded.due_at, status = excluded.status, upheld = excluded.upheld,
            note = excluded.note, resolved_at = excluded.resolved_at, indicator = excluded.indicator
        """;

    /// <summary>The rows a state projects, taken when the state is serialized (the grain may change it before the group commits).</summary>
    public sealed record Rows(SubjectSummary? Summary, IReadOnlyList<Objection> Objections,
        IReadOnlyList<CreditGrid.Core.Street.Complaint>? Complaints = null, IReadOnlyList<ChangeEntry>? Changes = null, ListingRow? Listing = null,
        PenaltyRows? Penalties = null, ExemplaryRows? Exemplary = null);

    /// <summary>The rows of a state; <paramref name="all"/> (rebuild-projections) writes the listing row even when unchanged.</summary>
    public static Rows? Of(string grainKey, object? state, bool all = false) =>
        state is IProjectedState projected
            ? new Rows(projected.Summary(grainKey), projected.Objections(grainKey), [.. projected.Complaints], projected.Changes()?.Entries,
                projected.ListRow(grainKey, all), projected.PenaltyRows(grainKey, all), projected.Exemplary(grainKey, all))
            : null;

    /// <summary>After the commit: the change lines written are no longer pending.</summary>
    public static void Committed(Rows? rows, object? state)
    {
        if (rows?.Changes is { Count: > 0 } written && state is IProjectedState projected && projected.Changes() is { } pending) pending.Written(written);
        if (rows?.Listing is { } listing && state is IProjectedState listed) listed.ListingCommitted(listing);
        if (rows?.Penalties is { } penalties && state is IProjectedState published) published.PenaltiesCommitted(penalties);
        if (rows?.Exemplary is { } exemplary && state is IProjectedState street) street.ExemplaryCommitted(exemplary);
    }

    /// <summary>Writes the rows; nothing for states that project nothing.</summary>
    public static async Task Write(DbConnection connection, DbTransaction tx, Rows? rows, DateTimeOffset at)
    {
        if (rows is null) return;
        if (rows.Summary is { } s)
        {
            var command = Database.Reused(connection, tx, UpsertSummary,
                ("@kind", s.Kind.ToWire()), ("@id", s.Id), ("@name", s.Name), ("@score", s.Score), ("@grade", s.Grade), ("@stars", s.Stars),
                ("@color", s.Color), ("@street", s.Street), ("@downgraded", s.Downgraded ? 1 : 0), ("@version", s.Version),
                ("@at", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                ("@handle", SubjectHandle.New())); // the search `ref`: used on first insert only, kept after (docs/search.md)
            await command.ExecuteNonQueryAsync();
        }
        foreach (var o in rows.Objections)
        {
            var command = Database.Reused(connection, tx, UpsertObjection,
                ("@id", o.ObjectionId), ("@record", o.RecordId), ("@kind", o.SubjectKind.ToWire()), ("@subject", o.SubjectId), ("@reason", o.Reason),
                ("@other", o.NeedsOtherUnits ? 1 : 0), ("@opened", Day(o.OpenedAt)), ("@due", Day(o.DueAt)), ("@status", o.Status),
                ("@upheld", o.Upheld is { } u ? u ? 1 : 0 : null), ("@note", o.Note), ("@resolved", o.ResolvedAt is { } r ? Day(r) : null),
                ("@indicator", o.Indicator));
            await command.ExecuteNonQueryAsync();
        }
        if (rows.Complaints is { Count: > 0 } complaints && rows.Summary is { } merchant)
            await ChangeLogRows.WriteComplaints(connection, tx, merchant.Id, complaints);
        if (rows.Changes is { Count: > 0 } changes) await ChangeLogRows.WriteChanges(connection, tx, changes);
        if (rows.Listing is { } l) await WriteListing(connection, tx, l, at);
        if (rows.Penalties is { } p) await WritePenalties(connection, tx, p);
        if (rows.Exemplary is { } x) await ExemplaryProjection.Write(connection, tx, x);
    }

    private const string InsertPenalty = """
        INSERT INTO public_penalty (record_id, subject_kind, subject_id, subject_name, name, department, decision_ref, occurred_at, expires_at, late)
        VALUES (@record, @kind, @id, @subject, @name, @department, @ref, @occurred, @expires, @late)
        """;

    /// <summary>双公示 (domain-rules §9, L483): the subject's penalty rows replaced, in the state's transaction (docs/portal.md).</summary>
    private static async Task WritePenalties(DbConnection connection, DbTransaction tx, PenaltyRows p)
    {
        if (p.Removed is { } removed)
        {
            foreach (var record in removed)
            {
                var one = Database.Reused(connection, tx, "DELETE FROM public_penalty WHERE record_id = @record AND subject_kind = @kind AND subject_id = @id",
                    ("@record", record), ("@kind", p.Kind.ToWire()), ("@id", p.Id));
                await one.ExecuteNonQueryAsync();
            }
        }
        else if (!p.Fresh)
        {
            var delete = Database.Reused(connection, tx, "DELETE FROM public_penalty WHERE subject_kind = @kind AND subject_id = @id",
                ("@kind", p.Kind.ToWire()), ("@id", p.Id));
            await delete.ExecuteNonQueryAsync();
        }
        foreach (var r in p.Items)
        {
            var insert = Database.Reused(connection, tx, InsertPenalty,
                ("@record", r.RecordId), ("@kind", p.Kind.ToWire()), ("@id", p.Id), ("@subject", p.Name), ("@name", r.Name), ("@department", r.Department),
                ("@ref", r.DecisionRef), ("@occurred", Day(r.OccurredAt)), ("@expires", r.ExpiresAt is { } x ? Day(x) : null), ("@late", r.Late ? 1 : 0));
            await insert.ExecuteNonQueryAsync();
        }
    }

    private const string UpsertListing = """
        INSERT INTO public_list (kind, id, list, name, grade, stars, unit, reason, since, record_id, version, updated_at)
        VALUES (@kind, @id, @list, @name, @grade, @stars, @unit, @reason, @since, @record, @version, @at)
        ON CONFLICT (kind, id) DO UPDATE SET list = excluded.list, name = excluded.name, grade = excluded.grade, stars = excluded.stars,
            unit = excluded.unit, reason = excluded.reason, since = excluded.since, record_id = excluded.record_id,
            version = excluded.version, updated_at = excluded.updated_at
        WHERE excluded.version >= public_list.version
        """;

    /// <summary>诚信红黑榜 (domain-rules §9): the subject's row, in the state's transaction (docs/portal.md).</summary>
    private static async Task WriteListing(DbConnection connection, DbTransaction tx, ListingRow l, DateTimeOffset at)
    {
        var e = l.Entry;
        var command = Database.Reused(connection, tx, UpsertListing,
            ("@kind", l.Kind.ToWire()), ("@id", l.Id), ("@list", e?.List), ("@name", e?.Name), ("@grade", e?.Grade), ("@stars", e?.Stars),
            ("@unit", e?.Unit), ("@reason", e?.Reason), ("@since", e is null ? null : Day(e.Since)), ("@record", e?.RecordId),
            ("@version", l.Version), ("@at", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A cleared state describes no subject any more.</summary>
    public static async Task Clear(DbConnection connection, DbTransaction tx, string grainKey, object? state)
    {
        if (state is not IProjectedState || grainKey.IndexOf(':') is var colon && colon < 0) return;
        var command = Database.Reused(connection, tx, "DELETE FROM subject_summary WHERE kind = @kind AND id = @id",
            ("@kind", grainKey[..colon]), ("@id", grainKey[(colon + 1)..]));
        await command.ExecuteNonQueryAsync();
        var listing = Database.Reused(connection, tx, "DELETE FROM public_list WHERE kind = @kind AND id = @id",
            ("@kind", grainKey[..colon]), ("@id", grainKey[(colon + 1)..]));
        await listing.ExecuteNonQueryAsync();
        var penalties = Database.Reused(connection, tx, "DELETE FROM public_penalty WHERE subject_kind = @kind AND subject_id = @id",
            ("@kind", grainKey[..colon]), ("@id", grainKey[(colon + 1)..]));
        await penalties.ExecuteNonQueryAsync();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
