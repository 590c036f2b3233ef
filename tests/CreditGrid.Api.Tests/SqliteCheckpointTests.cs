using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>
/// docs/sqlite-persistence.md "Checkpoints": the write-ahead log is copied back into the database file by the silo's
/// checkpointer within about a second, outside the commits.
/// </summary>
public sealed class SqliteCheckpointTests(SqliteGridHost grid) : IClassFixture<SqliteGridHost>
{
    private string DatabaseFile => Path.Combine(grid.Folder, "creditgrid.db");

    [Fact]
    public async Task Applied_events_reach_the_database_file_within_seconds()
    {
        var before = new FileInfo(DatabaseFile).Length;
        string last = "";
        for (var batch = 0; batch < 3; batch++)
        {
            var events = Enumerable.Range(0, 1000).Select(_ => Calls.Fine(GridHost.NewEnterpriseId())).ToArray();
            var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
            Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
            last = (await response.Body()).GetProperty("results")[999].GetProperty("eventId").GetString()!;
        }
        await grid.WaitFor(last, "applied");

        // 3,000 new subjects are several MiB of pages; SQLite's own auto-checkpoint (now a backstop at 256 MiB of log)
        // would leave them all in the log. The checkpointer copies them back while the silo runs.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long grown;
        while ((grown = new FileInfo(DatabaseFile).Length - before) < 1024 * 1024 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(grown >= 1024 * 1024, $"the database file grew by {grown} bytes");

        // What was copied back is what the grid answers from: 3,000 enterprises in the grade statistics.
        // (The last event applied does not mean every earlier one is; the statistics are also cached for 0.5 s.)
        var enterprises = 0;
        for (var i = 0; i < 100 && enterprises != 3000; i++)
        {
            if (i > 0) await Task.Delay(200);
            var stats = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/stats/grades")).Body();
            enterprises = stats.GetProperty("enterprise").EnumerateObject().Sum(p => p.Value.GetInt32());
        }
        Assert.Equal(3000, enterprises);
    }
}
