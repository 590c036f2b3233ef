using System.Data.Common;
using System.Globalization;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The change_log and complaints rows a state carries, written by <see cref="Projections.Write"/> inside the grain
/// write's transaction (docs/change-log.md): a crash keeps both the state and its lines, or neither.
/// </summary>
public static class ChangeLogRows
{
    /// <summary>Instants as sortable text: UTC, always 7 fractional digits.</summary>
    public static string Instant(DateTimeOffset at) => ChangeKinds.Instant(at);

    // A retried write (the group rolled back and each write ran again, or the grain wrote the same state again) adds nothing.
    private const string InsertChange = """
        INSERT INTO change_log (change_key, at, kind, id, name, street, change_kind, from_value, to_value, event_id, department)
        VALUES (@key, @at, @kind, @id, @name, @street, @change, @from, @to, @event, @department)
        ON CONFLICT (change_key) DO NOTHING
        """;

    private const string UpsertComplaint = """
        INSERT INTO complaints (complaint_id, merchant_id, text, received_at, substantiated, verdict_by, verdict_at, resolved_at, status)
        VALUES (@id, @merchant, @text, @received, @substantiated, @by, @verdictAt, @resolved, @status)
        ON CONFLICT (complaint_id) DO UPDATE SET merchant_id = excluded.merchant_id, text = excluded.text, received_at = excluded.received_at,
            substantiated = excluded.substantiated, verdict_by = excluded.verdict_by, verdict_at = excluded.verdict_at,
            resolved_at = excluded.resolved_at, status = excluded.status
        """;

    public static async Task WriteChanges(DbConnection connection, DbTransaction tx, IReadOnlyList<ChangeEntry> changes)
    {
        foreach (var c in changes)
        {
            var command = Database.Reused(connection, tx, InsertChange,
                ("@key", c.Key), ("@at", Instant(c.At)), ("@kind", c.Kind), ("@id", c.Id), ("@name", c.Name), ("@street", c.Street),
                ("@change", c.Change), ("@from", c.From), ("@to", c.To), ("@event", c.EventId), ("@department", c.Department));
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task WriteComplaints(DbConnection connection, DbTransaction tx, string merchantId, IReadOnlyList<Complaint> complaints)
    {
        foreach (var c in complaints)
        {
            var command = Database.Reused(connection, tx, UpsertComplaint,
                ("@id", c.ComplaintId), ("@merchant", merchantId), ("@text", c.Text), ("@received", Day(c.ReceivedAt)),
                ("@substantiated", c.Substantiated is { } s ? (s ? 1 : 0) : null), ("@by", c.VerdictBy), ("@verdictAt", Day(c.VerdictAt)),
                ("@resolved", Day(c.ResolvedAt)), ("@status", ComplaintStatus.Of(c)));
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>rebuild-projections: the archived complaints first (the states' own rows then overwrite any they still hold).</summary>
    public static async Task RebuildComplaintsFromArchive(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await using (var clear = Database.Command(connection, "DELETE FROM complaints", tx)) await clear.ExecuteNonQueryAsync(ct);
        await using var copy = Database.Command(connection, """
            INSERT INTO complaints (complaint_id, merchant_id, text, received_at, substantiated, verdict_by, verdict_at, resolved_at, status)
            SELECT complaint_id, merchant_id, text, received_at, substantiated, verdict_by, verdict_at, resolved_at,
                CASE WHEN resolved_at IS NOT NULL THEN 'resolved' WHEN substantiated = 1 THEN 'substantiated'
                     WHEN substantiated = 0 THEN 'unfounded' ELSE 'received' END
            FROM merchant_complaint_archive
            """, tx);
        await copy.ExecuteNonQueryAsync(ct);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Day(DateOnly? d) => d is { } day ? Day(day) : null;
}
