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
        await using var count = Database.Command(connection, "SELECT COUNT(*) FROM public_list WHERE list = @list", null, ("@list", list));
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        var items = new List<PublicListItem>();
        if (total == 0) return (0, items);
        var name = database.IsPostgres ? "name COLLATE \"C\"" : "name";
        await using var command = Database.Command(connection,
            $"SELECT kind, id, name, grade, reason, since, record_id, unit, stars FROM public_list WHERE list = @list ORDER BY since DESC, {name}, kind, id LIMIT @take OFFSET @skip",
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
}
