using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11, item 14: GET /api/v1/stats/grades equals a count over the subjects' persisted evaluations after any crash,
/// because it is counted from the subject_summary projection written in the same transaction as each subject's state.
/// </summary>
public sealed class GradeStatisticsCrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditgrid-stats-crash", Guid.NewGuid().ToString("N"));

    public GradeStatisticsCrashTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Grade_counts_equal_the_subjects_own_grades_after_kill_minus_9_right_after_a_burst()
    {
        var enterprises = Enumerable.Range(0, 30).Select(_ => GridHost.NewEnterpriseId()).ToList();
        // Two of every three move A → A- (one −10 notice), one in three A- → B (five of them), the rest stay A.
        var events = enterprises.Select((id, i) => (id, n: i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 5))
            .SelectMany(x => Enumerable.Range(0, x.n).Select(k => new
            {
                eventId = $"stats-{x.id}-{k}", subjectKind = "enterprise", subjectId = x.id, indicator = "E-PEN-NOTICE",
                occurredAt = "2026-11-02", actionRef = $"通报〔2026〕{k}号",
            })).ToList();

        await using (var silo = await SiloProcess.Start(_folder, GridHost.Now))
        {
            var center = silo.Client(GridHost.CreditCenter);
            foreach (var id in enterprises)
                Assert.Equal(HttpStatusCode.Created, (await center.PutAsync($"/api/v1/subjects/enterprise/{id}", Calls.Json(new { name = "统计企业" + id[^4..] }))).StatusCode);
            // The registrations are counted and settled before the burst: only the burst's moves are at risk in the kill.
            await Task.Delay(TimeSpan.FromSeconds(4));
            var response = await silo.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
            Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
            foreach (var e in events) await WaitApplied(silo, e.eventId);
            silo.KillHard();
        }

        await using var restarted = await SiloProcess.Start(_folder, GridHost.Now);
        var reader = restarted.Client(GridHost.Operator);
        var truth = new Dictionary<string, int>();
        foreach (var id in enterprises)
        {
            var grade = (await (await reader.GetAsync($"/api/v1/subjects/enterprise/{id}")).Body()).GetProperty("grade").GetString()!;
            truth[grade] = truth.GetValueOrDefault(grade) + 1;
        }
        Assert.Equal(new Dictionary<string, int> { ["A"] = 10, ["A-"] = 10, ["B"] = 10 }, truth);
        var stats = await (await reader.GetAsync("/api/v1/stats/grades")).Body();
        var counted = stats.GetProperty("enterprise").EnumerateObject().Where(p => p.Value.GetInt32() > 0).ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(truth, counted);
        Assert.True(DateTimeOffset.TryParse(stats.GetProperty("computedAt").GetString(), out _));
    }

    private static async Task WaitApplied(SiloProcess silo, string eventId)
    {
        var client = silo.Client(GridHost.CreditCenter);
        JsonElement last = default;
        for (var i = 0; i < 600; i++)
        {
            last = await (await client.GetAsync($"/api/v1/events/{eventId}")).Body();
            if (last.GetProperty("status").GetString() == "applied") return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"event {eventId} never became applied: {last}");
    }
}
