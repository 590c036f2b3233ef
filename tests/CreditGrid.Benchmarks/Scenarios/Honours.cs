using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreditGrid.Benchmarks.Harness;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario: one collective honour on a unit of N staff (domain-rules §6, L2458) through the fan-out outbox: the time
/// from the 202 until the event is `applied` (every staff member's evaluation holds the derived record), and a check
/// that every staff member moved by the row one level lower.
/// </summary>
public static class Honours
{
    public static async Task<string> Run(Options o, Machine machine)
    {
        var load = Proc.LoadAverage1();
        var staffCount = o.Tiny ? 100 : 2_000;
        await using var store = Store.Sqlite(o.RunFolder("honours"));
        await using var silo = await SiloRunner.Start(store.Folder, store.SiloArguments);
        using var center = silo.Client(SiloRunner.CreditCenter, TimeSpan.FromSeconds(120));
        using var reporter = silo.Client(SiloRunner.Reporter, TimeSpan.FromSeconds(120));

        var persons = Enumerable.Range(0, staffCount).Select(i => ResidentId.Complete($"370303{new DateOnly(1980, 1, 1).AddDays(i / 1000):yyyyMMdd}{i % 1000:D3}")).ToList();
        await Parallel.ForEachAsync(persons, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, ct) =>
            (await center.PutAsJsonAsync($"/api/v1/subjects/person/{p}", new { name = "职工", registeredAt = "2026-11-01" }, ct)).EnsureSuccessStatusCode());
        var unit = UnifiedSocialCreditCode.Complete("12370303" + "40000001");
        var staff = persons.Select((p, i) => new { personId = p, role = i == 0 ? "head" : "staff", from = "2024-01-01" }).ToList();
        (await center.PutAsJsonAsync($"/api/v1/subjects/institution/{unit}", new { name = "张店区某事业单位", institutionType = "public-institution", staff })).EnsureSuccessStatusCode();

        var eventId = "honour-" + Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();
        var accepted = await reporter.PostAsJsonAsync("/api/v1/events", new
        {
            eventId, subjectKind = "institution", subjectId = unit, indicator = "P-AWARD-PROVINCE-GOV", occurredAt = "2026-09-01", honourScope = "collective",
        });
        accepted.EnsureSuccessStatusCode();
        var acceptedMs = clock.Elapsed.TotalMilliseconds;
        string status;
        do
        {
            await Task.Delay(20);
            status = JsonDocument.Parse(await reporter.GetStringAsync($"/api/v1/events/{eventId}")).RootElement.GetProperty("status").GetString()!;
        } while (status != "applied" && clock.Elapsed < TimeSpan.FromMinutes(5));
        var appliedMs = clock.Elapsed.TotalMilliseconds;

        // Each staff member other than the head: 受到省级部门表彰 (+25); the head the row itself (+30).
        using var reader = silo.Client(SiloRunner.Operator, TimeSpan.FromSeconds(60));
        var sample = persons.Where((_, i) => i % Math.Max(1, staffCount / 50) == 0).ToList();
        var right = 0;
        foreach (var p in sample)
        {
            var score = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/subjects/person/{p}")).RootElement.GetProperty("score").GetInt32();
            if (score == (p == persons[0] ? 1030 : 1025)) right++;
        }
        Console.WriteLine($"[honours] {staffCount} staff: 202 after {acceptedMs:F0} ms, applied after {appliedMs:F0} ms ({status}); {right}/{sample.Count} sampled scores right");

        var sb = new StringBuilder();
        sb.AppendLine("### Unit honour to every staff member (fan-out outbox)").AppendLine();
        sb.AppendLine(Report.Header(o, machine, load));
        var t = new Table("staff", "202 after ms", "applied (every staff member holds it) after ms", "staff per second", "status", "sampled scores right");
        t.Add(staffCount, acceptedMs, appliedMs, staffCount / (appliedMs / 1000.0), status, $"{right}/{sample.Count}");
        sb.AppendLine(t.ToString());
        sb.AppendLine("One SQLite silo; the staff are registered persons; the honour is a collective 省委省政府 honour (L2458): the head gets +30, " +
                      "everyone else the 省级部门 row (+25) one level lower. `applied` is reported only when every target has acknowledged its delivery.");
        return sb.ToString();
    }
}
