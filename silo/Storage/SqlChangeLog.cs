using System.Data.Common;
using System.Globalization;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Storage;

/// <summary>GET /api/v1/changes over change_log (rows written by the grain storage, <see cref="ChangeLogRows"/>).</summary>
public sealed class SqlChangeLog(Database database) : IChangeLog
{
    public async Task<IReadOnlyList<ChangeEntry>> Read(DateTimeOffset? since, string? kind, string? street, int limit, CancellationToken ct = default)
    {
        var where = "WHERE at > @since" + (kind is null ? "" : " AND kind = @kind") + (street is null ? "" : " AND street = @street");
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, $"""
            SELECT at, kind, id, name, change_kind, from_value, to_value, event_id, department, street, change_key
            FROM change_log {where} ORDER BY at, seq LIMIT @limit
            """, null, ("@since", since is { } s ? ChangeLogRows.Instant(s) : ""), ("@kind", kind), ("@street", street), ("@limit", limit + 1));
        await using var r = await command.ExecuteReaderAsync(ct);
        var rows = new List<ChangeEntry>(Math.Min(limit + 1, 1001));
        while (await r.ReadAsync(ct))
            rows.Add(new ChangeEntry(DateTimeOffset.Parse(r.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), r.GetString(1),
                r.GetString(2), Text(r, 3), r.GetString(4), Text(r, 5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9), r.GetString(10)));
        if (rows.Count <= limit) return rows;
        // `next` is the last line's instant: a page never ends inside a run of lines of one instant (unless the run is longer than the page).
        var cut = limit;
        while (cut > 0 && rows[cut - 1].At == rows[limit].At) cut--;
        return rows.GetRange(0, cut > 0 ? cut : limit);
    }

    public Task<int> Prune(DateTimeOffset before, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            await using var command = Database.Command(connection, "DELETE FROM change_log WHERE at < @before", tx, ("@before", ChangeLogRows.Instant(before)));
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

/// <summary>GET /api/v1/complaints over the complaints projection, with the merchant's name and street from its summary row.</summary>
public sealed class SqlComplaintQueue(Database database) : IComplaintQueue
{
    public async Task<(int Total, IReadOnlyList<ComplaintListing> Items)> List(ComplaintQuery q, CancellationToken ct = default)
    {
        var filters = new List<string>();
        if (q.Status is not null) filters.Add("c.status = @status");
        if (q.MerchantId is not null) filters.Add("c.merchant_id = @merchant");
        if (q.Street is not null) filters.Add("s.street = @street");
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        const string From = "FROM complaints c LEFT JOIN subject_summary s ON s.kind = 'merchant' AND s.id = c.merchant_id";
        (string, object?)[] parameters = [("@status", q.Status), ("@merchant", q.MerchantId), ("@street", q.Street),
            ("@size", q.PageSize), ("@offset", (q.Page - 1) * q.PageSize)];
        await using var connection = await database.Open(ct);
        int total;
        await using (var count = Database.Command(connection, $"SELECT COUNT(*) {From} {where}", null, parameters[..3]))
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        // Oldest first: a work queue is worked from its oldest complaint.
        await using var command = Database.Command(connection, $"""
            SELECT c.complaint_id, c.merchant_id, s.name, s.street, c.text, c.received_at, c.substantiated, c.verdict_by, c.verdict_at, c.resolved_at
            {From} {where} ORDER BY c.received_at, c.complaint_id LIMIT @size OFFSET @offset
            """, null, parameters);
        await using var r = await command.ExecuteReaderAsync(ct);
        var items = new List<ComplaintListing>();
        while (await r.ReadAsync(ct))
            items.Add(new ComplaintListing(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), r.GetString(4), Day(r.GetString(5)),
                r.IsDBNull(6) ? null : Database.Long(r, 6) == 1, Text(r, 7), r.IsDBNull(8) ? null : Day(r.GetString(8)),
                r.IsDBNull(9) ? null : Day(r.GetString(9))));
        return (total, items);
    }

    private static DateOnly Day(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
