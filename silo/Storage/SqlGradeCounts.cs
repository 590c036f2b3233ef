using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// Grade statistics from grade_counts, which triggers on subject_summary keep in the same transactions as the
/// projection (sqlite/postgres-project-021-grade-counts.sql): a read costs the few count rows, not every subject.
/// On PostgreSQL the rows are appended deltas; past <see cref="FoldAbove"/> rows a read folds them into one per key.
/// </summary>
public sealed class SqlGradeCounts(Database database) : IGradeCounts
{
    /// <summary>Delta rows above which a read folds them (PostgreSQL; SQLite keeps one row per key).</summary>
    private const long FoldAbove = 512;

    public async Task<IReadOnlyList<(string Kind, string? Grade, int? Stars, int Count)>> Count(CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        var rows = new List<(string, string?, int?, int)>();
        long stored = 0;
        await using (var command = Database.Command(connection,
            "SELECT kind, grade, stars, SUM(n), COUNT(*) FROM grade_counts GROUP BY kind, grade, stars"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                stored += Database.Long(reader, 4);
                var n = Database.Long(reader, 3);
                if (n == 0) continue;
                var grade = reader.GetString(1);
                var stars = (int)Database.Long(reader, 2);
                rows.Add((reader.GetString(0), grade.Length == 0 ? null : grade, stars == 0 ? null : stars, (int)n));
            }
        }
        if (database.IsPostgres && stored > FoldAbove)
        {
            // One statement: the rows it deletes are the rows it sums; deltas committed meanwhile stay as they are.
            await using var fold = Database.Command(connection, """
                WITH gone AS (DELETE FROM grade_counts RETURNING kind, grade, stars, n)
                INSERT INTO grade_counts (kind, grade, stars, n)
                SELECT kind, grade, stars, SUM(n) FROM gone GROUP BY kind, grade, stars HAVING SUM(n) <> 0
                """);
            await fold.ExecuteNonQueryAsync(ct);
        }
        return rows;
    }
}
