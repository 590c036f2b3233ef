using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>Grade statistics over the subject_summary projection (one GROUP BY, served by ix_subject_summary_grade).</summary>
public sealed class SqlGradeCounts(Database database) : IGradeCounts
{
    public async Task<IReadOnlyList<(string Kind, string? Grade, int? Stars, int Count)>> Count(CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection,
            "SELECT kind, grade, stars, COUNT(*) FROM subject_summary GROUP BY kind, grade, stars");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string?, int?, int)>();
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : (int)Database.Long(reader, 2), (int)Database.Long(reader, 3)));
        return rows;
    }
}
