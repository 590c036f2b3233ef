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
}
