using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>The host on SQLite whatever CREDITGRID_TEST_STORE says: the reference side of a parity test.</summary>
public sealed class SqliteGridHost : GridHost
{
    protected override Task<string[]> StorageArguments() =>
        Task.FromResult<string[]>([$"--Storage:ConnectionString=Data Source={Path.Combine(Folder, "creditgrid.db")}"]);
}

/// <summary>
/// Issue 16: PostgreSQL takes a batch in one statement per table (silo/Storage/PostgresIntake.cs), SQLite row by row;
/// http-api "Credit events" (events:batch: one result per event, in order) must answer the same on both.
/// </summary>
public class IntakeParityTests(SqliteGridHost sqlite, PostgresGridHost postgres) : IClassFixture<SqliteGridHost>, IClassFixture<PostgresGridHost>
{
    /// <summary>Per item: statusCode, status, then the stored event's state and subject as GET /events/{id} shows it once applied.</summary>
    private static async Task<(List<string> Answers, int NewPenalties)> Scenario(GridHost grid)
    {
        var a = GridHost.NewEnterpriseId();
        var b = GridHost.NewEnterpriseId();
        foreach (var id in new[] { a, b })
            Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name = "张店某某商行", registeredAt = "2024-03-01" })).StatusCode);
        var before = await Penalties(grid);
        var old = Calls.Fine(a, actionRef: "旧-1");
        var oldId = (await grid.PushApplied(old)).GetProperty("eventId").GetString()!;
        var n1 = GridHost.NewEventId();
        var n2 = GridHost.NewEventId();
        var n3 = GridHost.NewEventId();
        var events = new object[]
        {
            Calls.Fine(a, n1, actionRef: "新-1"),                                      // new
            old,                                                                        // same body as stored: duplicate
            Calls.Fine(a, oldId, actionRef: "旧-改"),                                   // stored id, other body: conflict
            new { eventId = n2, subjectKind = "enterprise", subjectId = b, indicator = "E-AWARD-DISTRICT-DEPT", occurredAt = "2026-10-03" }, // new
            Calls.Fine(a, n1, actionRef: "新-1"),                                      // repeat of this batch's first: duplicate
            new { eventId = n2, subjectKind = "enterprise", subjectId = a, indicator = "E-AWARD-DISTRICT-DEPT", occurredAt = "2026-10-03" }, // repeat, other body: conflict
            new { eventId = "parity-bad", subjectKind = "enterprise", subjectId = b, indicator = "E-NOPE", occurredAt = "2026-10-02" },       // invalid
            Calls.Fine(b, n3, indicator: "E-PEN-NOTICE", actionRef: "新-3"),           // new
        };
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var results = (await response.Body()).GetProperty("results").EnumerateArray().ToList();
        var answers = new List<string>();
        foreach (var (r, i) in results.Select((r, i) => (r, i)))
        {
            var id = r.GetProperty("eventId").GetString()!;
            var line = $"{i}: {r.GetProperty("statusCode").GetInt32()} {r.GetProperty("status").GetString()}";
            if (r.GetProperty("statusCode").GetInt32() < 400)
            {
                var stored = await grid.WaitFor(id, "applied");
                line += $" → {stored.GetProperty("status").GetString()} {(stored.GetProperty("subjectId").GetString() == a ? "a" : "b")} {stored.GetProperty("recordIds").GetArrayLength()} record";
            }
            answers.Add(line);
        }
        // Only the two new penalties count in 双公示 timeliness (the old one counted when it came), not their repeats.
        return (answers, await Penalties(grid) - before - 1);
    }

    private static async Task<int> Penalties(GridHost grid)
    {
        var list = await (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/stats/departments")).Body();
        return list.EnumerateArray().Where(d => d.GetProperty("department").GetString() == GridHost.ReporterDepartment)
            .Sum(d => d.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_batch_mixing_new_duplicate_and_conflicting_events_gets_the_same_answers_on_PostgreSQL_as_on_SQLite()
    {
        var onSqlite = await Scenario(sqlite);
        var onPostgres = await Scenario(postgres);
        Assert.Equal(
        [
            "0: 202 accepted → applied a 1 record",
            "1: 200 duplicate → applied a 1 record",
            "2: 409 rejected",
            "3: 202 accepted → applied b 1 record",
            "4: 200 duplicate → applied a 1 record",
            "5: 409 rejected",
            "6: 422 rejected",
            "7: 202 accepted → applied b 1 record",
        ], onSqlite.Answers);
        Assert.Equal(onSqlite.Answers, onPostgres.Answers);
        Assert.Equal(2, onSqlite.NewPenalties);
        Assert.Equal(onSqlite.NewPenalties, onPostgres.NewPenalties);
    }

    [Fact]
    public async Task Two_requests_racing_with_the_same_new_event_on_PostgreSQL_store_it_once_and_answer_accepted_and_duplicate()
    {
        var id = GridHost.NewEnterpriseId();
        await postgres.Register("enterprise", id, new { name = "张店某某超市", registeredAt = "2024-03-01" });
        var fine = Calls.Fine(id);
        var posts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            postgres.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events = new[] { fine } }))));
        var codes = new List<int>();
        foreach (var post in posts)
            codes.Add((await post.Body()).GetProperty("results")[0].GetProperty("statusCode").GetInt32());
        Assert.Equal([200, 200, 200, 202], codes.Order());
        await postgres.WaitFor(JsonSerializer.SerializeToElement(fine).GetProperty("eventId").GetString()!, "applied");
        Assert.Equal(1, (await postgres.Subject("enterprise", id)).GetProperty("records").GetArrayLength());
    }
}
