using System.Text.Json;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 16: GET /api/v1/stats/grades reads grade_counts, which triggers on subject_summary keep in the projection's own
/// transactions (migration 021). The counts must equal a GROUP BY over subject_summary after grades move, after
/// rebuild-projections, after the table is emptied and rebuilt, and (PostgreSQL) after the delta rows are folded.
/// </summary>
public class GradeCountsTests(GridHost grid) : IClassFixture<GridHost>
{
    /// <summary>What the old implementation answered: every subject_summary row, grouped.</summary>
    private async Task<Dictionary<string, int>> Truth()
    {
        var truth = new Dictionary<string, int>();
        await using var connection = await grid.Service<Database>().Open();
        await using var command = Database.Command(connection, "SELECT kind, grade, stars, COUNT(*) FROM subject_summary GROUP BY kind, grade, stars");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var bucket = reader.IsDBNull(1) ? reader.IsDBNull(2) ? "—" : Database.Long(reader, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString(1);
            truth[$"{reader.GetString(0)}:{bucket}"] = (int)Database.Long(reader, 3);
        }
        return truth;
    }

    /// <summary>The statistics as the API answers them, as "kind:bucket" → count (buckets with subjects only).</summary>
    private async Task<Dictionary<string, int>> Stats()
    {
        var body = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/stats/grades")).Body();
        var stats = new Dictionary<string, int>();
        foreach (var kind in new[] { "enterprise", "person", "merchant", "official" })
            foreach (var bucket in body.GetProperty(kind).EnumerateObject().Where(p => p.Value.GetInt32() > 0))
                stats[$"{kind}:{bucket.Name}"] = bucket.Value.GetInt32();
        return stats;
    }

    /// <summary>The buckets both know (the API has no bucket for an unevaluated subject), compared once the 0.5 s cache has passed.</summary>
    private async Task AssertStatsEqualTruth()
    {
        Dictionary<string, int> truth = [], stats = [];
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(150);
            truth = (await Truth()).Where(kv => !kv.Key.EndsWith(":—", StringComparison.Ordinal)).ToDictionary();
            stats = await Stats();
            if (truth.OrderBy(kv => kv.Key).SequenceEqual(stats.OrderBy(kv => kv.Key))) return;
        }
        Assert.Equal(truth.OrderBy(kv => kv.Key), stats.OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Grade_statistics_follow_fines_rebuilds_and_an_emptied_projection_exactly()
    {
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = GridHost.NewEnterpriseId();
            ids.Add(id);
            Assert.Equal(System.Net.HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name = "统计计数企业" + i })).StatusCode);
        }
        // 0, 1 and 3 fines of −40 each: three grades move, some twice, in separate saves.
        foreach (var (id, n) in ids.Select((id, i) => (id, i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 3)))
            for (var k = 0; k < n; k++) await grid.PushApplied(Calls.Fine(id));
        await AssertStatsEqualTruth();
        var grades = new List<string>();
        foreach (var id in ids) grades.Add((await grid.Subject("enterprise", id)).GetProperty("grade").GetString()!);
        Assert.True(grades.Distinct().Count() >= 3, "the fines should leave three different grades: " + string.Join(",", grades));

        Assert.True(await ProjectionRebuild.Run(grid.Service<IServiceProvider>()) > 0);
        await AssertStatsEqualTruth();

        // A restore without the projection: the counts go with its rows, and come back with the rebuild at start.
        var before = await Stats();
        await grid.Service<Database>().Write(async (connection, tx) =>
        {
            await using var clear = Database.Command(connection, "DELETE FROM subject_summary", tx);
            await clear.ExecuteNonQueryAsync();
        });
        await Task.Delay(600);
        Assert.Empty(await Stats());
        Assert.NotNull(await ProjectionRebuild.IfEmpty(grid.Service<IServiceProvider>()));
        await AssertStatsEqualTruth();
        Assert.Equal(before.OrderBy(kv => kv.Key), (await Stats()).OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task Many_count_changes_sum_to_the_same_counts_and_are_folded_on_PostgreSQL()
    {
        var counts = grid.Service<IGradeCounts>();
        var database = grid.Service<Database>();
        var kind = "test-" + Guid.NewGuid().ToString("N")[..6];
        // 700 changes of one key (as 700 group commits would leave them): +1, +1, −1, … nets to +234.
        static int Change(int i) => i % 3 == 2 ? -1 : 1;
        var expected = Enumerable.Range(0, 700).Sum(Change);
        await database.Write(async (connection, tx) =>
        {
            for (var i = 0; i < 700; i++)
            {
                var sql = GridHost.OnPostgres
                    ? "INSERT INTO grade_counts (kind, grade, stars, n) VALUES (@kind, 'B', 0, @n)"
                    : "INSERT INTO grade_counts (kind, grade, stars, n) VALUES (@kind, 'B', 0, @n) ON CONFLICT (kind, grade, stars) DO UPDATE SET n = n + excluded.n";
                await using var add = Database.Command(connection, sql, tx, ("@kind", kind), ("@n", Change(i)));
                await add.ExecuteNonQueryAsync();
            }
        });
        Assert.Equal(234, expected);
        Assert.Equal(expected, Assert.Single(await counts.Count(), r => r.Kind == kind).Count);
        // Read again: the same answer, now from one row per key on both stores.
        Assert.Equal(expected, Assert.Single(await counts.Count(), r => r.Kind == kind).Count);
        await using var connection = await database.Open();
        await using var rows = Database.Command(connection, "SELECT COUNT(*) FROM grade_counts WHERE kind = @kind", null, ("@kind", kind));
        Assert.Equal(1L, Convert.ToInt64(await rows.ExecuteScalarAsync()));
    }
}
