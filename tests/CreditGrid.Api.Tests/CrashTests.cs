using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>Durability: after a 202 the event is applied, exactly once, even if the process is killed at once.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditgrid-crash", Guid.NewGuid().ToString("N"));

    public CrashTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Every_accepted_event_is_applied_once_after_kill_minus_9_right_after_the_last_202()
    {
        var enterprises = Enumerable.Range(0, 100).Select(_ => GridHost.NewEnterpriseId()).ToList();
        var events = enterprises.SelectMany(id => Enumerable.Range(0, 10).Select(k => new
        {
            eventId = $"crash-{id}-{k}",
            subjectKind = "enterprise",
            subjectId = id,
            indicator = "E-PEN-NOTICE",
            occurredAt = "2026-11-02",
            actionRef = $"通报〔2026〕{k}号",
        })).ToList();

        await using (var silo = await SiloProcess.Start(_folder, GridHost.Now))
        {
            var response = await silo.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
            Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
            var results = (await response.Body()).GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(1000, results.Count);
            Assert.All(results, r => Assert.Equal(202, r.GetProperty("statusCode").GetInt32()));
            silo.KillHard();
        }

        await using var restarted = await SiloProcess.Start(_folder, GridHost.Now);
        var reader = restarted.Client(GridHost.CreditCenter);
        foreach (var e in events)
        {
            var status = "";
            for (var i = 0; i < 600 && status != "applied"; i++)
            {
                status = (await (await reader.GetAsync($"/api/v1/events/{e.eventId}")).Body()).GetProperty("status").GetString()!;
                if (status != "applied") await Task.Delay(50);
            }
            Assert.Equal("applied", status);
        }
        var operatorClient = restarted.Client(GridHost.Operator);
        foreach (var id in enterprises)
        {
            var subject = await (await operatorClient.GetAsync($"/api/v1/subjects/enterprise/{id}")).Body();
            Assert.Equal(10, subject.GetProperty("records").GetArrayLength());
            Assert.Equal(900, subject.GetProperty("score").GetInt32());
        }
    }

    [Fact]
    public async Task A_record_that_expires_while_the_process_is_down_is_reflected_and_published_after_restart()
    {
        var id = GridHost.NewEnterpriseId();
        long versionBefore;
        await using (var silo = await SiloProcess.Start(_folder, GridHost.Now))
        {
            var push = await silo.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(new
            {
                eventId = "expiring-1", subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-NOTICE", occurredAt = "2025-11-29",
            }));
            Assert.Equal(HttpStatusCode.Accepted, push.StatusCode);
            var subject = await WaitFor(silo, id, s => s.GetProperty("score").GetInt32() == 990);
            versionBefore = subject.GetProperty("version").GetInt64();
            silo.KillHard();
        }
        // Two days later: the −10 of 2025-11-29 expired on 2026-11-29 while nothing ran.
        await using var restarted = await SiloProcess.Start(_folder, GridHost.Now.AddDays(2));
        var after = await WaitFor(restarted, id, s => s.GetProperty("version").GetInt64() > versionBefore);
        Assert.Equal(1000, after.GetProperty("score").GetInt32());
        Assert.Equal("expired", after.GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_release_deadline_that_passes_while_the_process_is_down_turns_overdue_after_restart()
    {
        // 重大, occurred 4 h before "now": the authoritative release is due in 1 h (L3502).
        await using (var silo = await SiloProcess.Start(_folder, GridHost.Now))
        {
            var created = await silo.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(new
            {
                incidentId = "restart-1", title = "某仓库火灾", type = "火灾事故", severity = "重大",
                occurredAt = GridHost.Now.AddHours(-4).ToString("O"),
            }));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.False((await created.Body()).GetProperty("deadlines")[0].GetProperty("overdue").GetBoolean());
            silo.KillHard();
        }
        await using var restarted = await SiloProcess.Start(_folder, GridHost.Now.AddHours(2));
        var client = restarted.Client(GridHost.Operator);
        JsonElement incident = default;
        for (var i = 0; i < 100; i++)
        {
            incident = await (await client.GetAsync("/api/v1/emergencies/restart-1")).Body();
            if (incident.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("change").GetString() == "overdue")) break;
            await Task.Delay(100);
        }
        Assert.Contains(incident.GetProperty("history").EnumerateArray(), h => h.GetProperty("change").GetString() == "overdue");
        Assert.True(incident.GetProperty("deadlines")[0].GetProperty("overdue").GetBoolean());
        Assert.False(incident.GetProperty("deadlines")[1].GetProperty("overdue").GetBoolean());
    }

    private static async Task<JsonElement> WaitFor(SiloProcess silo, string id, Func<JsonElement, bool> done)
    {
        var client = silo.Client(GridHost.Operator);
        JsonElement last = default;
        for (var i = 0; i < 300; i++)
        {
            var response = await client.GetAsync($"/api/v1/subjects/enterprise/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await response.Body();
                if (done(last)) return last;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"subject never reached the expected state: {last}\n{silo.Output}");
    }
}
