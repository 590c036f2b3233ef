using System.Globalization;
using System.Text.Json;
using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The intake log as a department's list (GET /api/v1/events, docs/desk.md), newest first. The department's rows are
/// read through ix_intake_department_received (migration 010); the event's indicator and dates come from its payload.
/// </summary>
public sealed class SqlEventList(Database database) : IEventList
{
    public async Task<(int Total, IReadOnlyList<EventListing> Items)> List(EventListQuery q, CancellationToken ct = default)
    {
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        if (q.Department is not null)
        {
            filters.Add("department = @dept");
            parameters.Add(("@dept", q.Department));
        }
        if (q.Since is { } since)
        {
            // received_at is written as the UTC instant's round-trip text ("O"): text order is time order.
            filters.Add("received_at >= @since");
            parameters.Add(("@since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)));
        }
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);

        await using var connection = await database.Open(ct);
        int total;
        await using (var count = Database.Command(connection, $"SELECT COUNT(*) FROM intake_events {where}", null, [.. parameters]))
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await using var command = Database.Command(connection, $"""
            SELECT event_id, state, subject_kind, subject_id, department, record_ids, reason, payload, received_at
            FROM intake_events {where} ORDER BY received_at DESC, seq DESC LIMIT @size OFFSET @offset
            """, null, [.. parameters, ("@size", q.PageSize), ("@offset", (q.Page - 1) * q.PageSize)]);
        await using var r = await command.ExecuteReaderAsync(ct);
        var items = new List<EventListing>();
        while (await r.ReadAsync(ct))
        {
            SubjectKinds.TryParse(r.GetString(2), out var kind);
            var records = r.IsDBNull(5) ? [] : JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [];
            var status = new EventStatus(r.GetString(0), State(r.GetString(1)), kind, r.GetString(3), r.GetString(4), records, r.IsDBNull(6) ? null : r.GetString(6));
            var e = JsonSerializer.Deserialize<CreditEvent>(r.GetString(7), GridJson.Options)!;
            items.Add(new EventListing(status, e.Indicator, e.OccurredAt, DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture), e.ActionRef));
        }
        return (total, items);
    }

    private static EventState State(string s) => s switch
    {
        "applied" => EventState.Applied,
        "rejected" => EventState.Rejected,
        "delivered" => EventState.Delivered,
        _ => EventState.Accepted,
    };
}
