using CreditGrid.Core.Portal;

namespace CreditGrid.Silo.Storage;

/// <summary>The portal's reads over subject_summary and public_list (docs/portal.md).</summary>
public sealed class SqlPublicDirectory(Database database) : IPublicDirectory
{
    public async Task<IReadOnlyDictionary<string, string>> MerchantColors(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var colors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0) return colors;
        var names = ids.Select((_, i) => $"@id{i}").ToArray();
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection,
            $"SELECT id, color FROM subject_summary WHERE kind = 'merchant' AND id IN ({string.Join(", ", names)}) AND color IS NOT NULL", null,
            [.. ids.Select((id, i) => (names[i], (object?)id))]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) colors[reader.GetString(0)] = reader.GetString(1);
        return colors;
    }

    public async Task<(long Total, IReadOnlyList<PublicListItem> Items)> List(string list, int page, int pageSize, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        // domain-rules §9: the red list is public_list's red rows plus each street's 诚信经营示范店 (public_exemplary, docs/portal.md).
        var source = list == PublicLists.Red
            ? "(SELECT kind, id, name, grade, reason, since, record_id, unit, stars FROM public_list WHERE list = @list UNION ALL " +
              "SELECT 'merchant', merchant_id, name, grade, reason, since, NULL, NULL, NULL FROM public_exemplary) l"
            : "(SELECT kind, id, name, grade, reason, since, record_id, unit, stars FROM public_list WHERE list = @list) l";
        await using var count = Database.Command(connection, $"SELECT COUNT(*) FROM {source}", null, ("@list", list));
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var items = new List<PublicListItem>();
        if (total == 0) return (0, items);
        var name = database.IsPostgres ? "name COLLATE \"C\"" : "name";
        await using var command = Database.Command(connection,
            $"SELECT kind, id, name, grade, reason, since, record_id, unit, stars FROM {source} ORDER BY since DESC, {name}, kind, id LIMIT @take OFFSET @skip",
            null, ("@list", list), ("@take", pageSize), ("@skip", (long)(page - 1) * pageSize));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var kind = reader.GetString(0);
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            items.Add(new PublicListItem(kind, kind == "official" ? null : reader.GetString(1), Text(2), Text(3), Text(4),
                DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Text(6), Text(7),
                reader.IsDBNull(8) ? null : (int)Database.Long(reader, 8)));
        }
        return (total, items);
    }

    public async Task<(long Total, IReadOnlyList<PublicityItem> Items)> Publicity(string type, DateOnly from, DateOnly today, int page, int pageSize, CancellationToken ct = default)
    {
        var (f, t) = (Day(from), Day(today));
        // Licences: valid today (validTo null = 长期); on enterprises and institutions only (§9), named from subject_summary.
        var (where, select, order) = type == "licence"
            ? ("FROM licences l LEFT JOIN subject_summary s ON s.kind = l.subject_kind AND s.id = l.subject_id WHERE l.subject_kind IN ('enterprise', 'institution') AND l.decided_at >= @from AND l.valid_from <= @today AND (l.valid_to IS NULL OR l.valid_to >= @today)",
               "SELECT l.licence_id, l.subject_kind, l.subject_id, s.name, l.name, l.number, l.department, l.decided_at, l.valid_from, l.valid_to, l.late",
               "ORDER BY l.decided_at DESC, l.licence_id")
            : ("FROM public_penalty p WHERE p.occurred_at >= @from",
               "SELECT p.record_id, p.subject_kind, p.subject_id, p.subject_name, p.name, p.decision_ref, p.department, p.occurred_at, NULL, p.expires_at, p.late",
               "ORDER BY p.occurred_at DESC, p.record_id");
        await using var connection = await database.Open(ct);
        await using var count = Database.Command(connection, "SELECT COUNT(*) " + where, null, ("@from", f), ("@today", t));
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var items = new List<PublicityItem>();
        if (total == 0) return (0, items);
        await using var command = Database.Command(connection, $"{select} {where} {order} LIMIT @take OFFSET @skip", null,
            ("@from", f), ("@today", t), ("@take", pageSize), ("@skip", (long)(page - 1) * pageSize));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateOnly? Date(int i) => reader.IsDBNull(i) ? null : DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            items.Add(new PublicityItem(type, reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(3), reader.GetString(4), Text(5),
                reader.GetString(6), Date(7)!.Value, Date(8), Date(9), Database.Long(reader, 10) == 1));
        }
        return (total, items);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
