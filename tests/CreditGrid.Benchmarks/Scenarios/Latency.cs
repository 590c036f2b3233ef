using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CreditGrid.Benchmarks.Harness;
using Microsoft.AspNetCore.SignalR.Client;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2: from the HTTP 202 to a SignalR client on /hubs/grid receiving the scoreChanged that carries the eventId,
/// at fixed offered rates (open loop: a 5 ms timer sends whatever is due, one event as POST /events, more as a small
/// batch). Every event is a fine on a subject of its own, so every event changes a score and is announced.
/// </summary>
public static class Latency
{
    public sealed record RateRun(bool Resident, int Rate, double Seconds, long Offered, long Accepted, long Seen, double AchievedRate, double DeliveredRate,
        double P50, double P95, double P99, double Max, double SendP50, double SendP99, double HttpP50, double HttpP99, CpuSplit Cpu, string[] Errors, string SiloProblems, double PumpP50, double PumpP99, string Spans);

    public static async Task<string> Run(Options o, Machine machine)
    {
        var load = Proc.LoadAverage1();
        var runs = new List<RateRun>();
        foreach (var resident in new[] { false, true })
        foreach (var rate in o.Rates)
        {
            Console.WriteLine($"[latency] {rate} events/s, {(resident ? "resident" : "new")} subjects");
            runs.Add(await RunRate(o, rate, resident));
            var r = runs[^1];
            Console.WriteLine($"  achieved {r.AchievedRate:F0}/s, delivered {r.DeliveredRate:F0}/s, seen {r.Seen}/{r.Accepted}; p50 {r.P50:F1} p95 {r.P95:F1} p99 {r.P99:F1} max {r.Max:F1} ms (of which 202→applied p50 {r.PumpP50:F1} p99 {r.PumpP99:F1}); cpu {r.Cpu.Markdown()}" +
                              "; " + r.Spans + (r.SiloProblems.Length > 0 ? "; silo log: " + r.SiloProblems : ""));
        }
        var sb = new StringBuilder();
        sb.AppendLine("### Latency: HTTP 202 → SignalR scoreChanged").AppendLine();
        sb.AppendLine(Report.Header(o, machine, load));
        var t = new Table("subjects", "offered events/s", "achieved events/s (202)", "delivered events/s", "events", "seen on SignalR", "p50 ms", "p95 ms", "p99 ms", "max ms", "of which 202→applied (intake log) p50/p99 ms",
            "send→push p50/p99 ms", "HTTP round trip p50/p99 ms", "CPU (core·s)", "silo warnings", "p99 target ≤ 100 ms at 1,000/s");
        foreach (var r in runs)
            t.Add(r.Resident ? "resident" : "new", r.Rate, r.AchievedRate, r.DeliveredRate, r.Accepted, r.Seen, r.P50, r.P95, r.P99, r.Max, $"{r.PumpP50:F0} / {r.PumpP99:F0}", $"{r.SendP50:F1} / {r.SendP99:F1}", $"{r.HttpP50:F1} / {r.HttpP99:F1}",
                r.Cpu.Markdown(), r.SiloProblems.Length > 0 ? r.SiloProblems : "none", r.Rate == 1000 ? (r.P99 <= 100 && r.Seen == r.Accepted ? "met" : $"missed by {r.P99 - 100:F0} ms") : "");
        sb.AppendLine(t.ToString());
        sb.AppendLine("Inside the silo (its own traces, collected by the benchmark's startup hook):").AppendLine();
        foreach (var r in runs) sb.AppendLine($"- {r.Rate}/s, {(r.Resident ? "resident" : "new")} subjects: {r.Spans}");
        sb.AppendLine();
        sb.AppendLine("\"new\": every event is the first fine of a subject never seen (activation with no stored state, first state row, first due_work row); " +
                      "\"resident\": every event goes to a subject activated just before (one earlier fine, applied, still in memory). " +
                      $"Each row: a fresh silo on SQLite, {o.WarmupSeconds} s of warm-up at the rate (not counted), then {o.Seconds} s measured" +
                      (o.LatencyEventCap < 1_000_000 ? $" (at most {Stats.N(o.LatencyEventCap)} events)" : "") +
                      "; one SignalR client; latency is from the moment the 202/207 response was read to the moment the client handled the push.");
        return sb.ToString();
    }

    private sealed class Sample
    {
        public long Sent;
        public long Answered;
        public long Pushed;
        public bool Accepted;
    }

    private static async Task<RateRun> RunRate(Options o, int rate, bool resident)
    {
        await using var store = Store.Sqlite(o.RunFolder($"latency-{rate}"));
        await using var silo = await SiloRunner.Start(store.Folder, store.SiloArguments, hook: true);
        using var client = silo.Client(SiloRunner.Reporter, TimeSpan.FromSeconds(60));
        var samples = new ConcurrentDictionary<string, Sample>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(silo.Address, $"/hubs/grid?access_token={SiloRunner.Operator}")).Build();
        hub.On<JsonElement>("scoreChanged", payload =>
        {
            var now = Stopwatch.GetTimestamp();
            if (payload.TryGetProperty("eventId", out var id) && id.GetString() is { } eventId && samples.TryGetValue(eventId, out var s))
                Interlocked.CompareExchange(ref s.Pushed, now, 0);
        });
        await hub.StartAsync();

        var subject = 0;
        Func<int> next = () => subject++;
        if (resident)
        {
            // Every measured event goes to a subject that is already active (one earlier fine, applied and resident).
            var pool = (int)Math.Min(o.LatencyEventCap, rate * o.Seconds);
            var store0 = Stopwatch.StartNew();
            await Workload.Send(client, Workload.Batches($"pre-{rate}", pool, pool, 1000, firstSubject: 1_000_000), o.Concurrency);
            await Ingest.WaitDrained(store, TimeSpan.FromSeconds(600));
            Console.WriteLine($"  {pool} subjects activated in {store0.Elapsed.TotalSeconds:F1} s");
            await Task.Delay(1000);
            next = () => 1_000_000 + subject++ % pool;
        }
        await Offer(client, rate, o.WarmupSeconds, int.MaxValue, "warm", samples, next);
        await Task.Delay(500);
        samples.Clear();
        await silo.Spans(); // forget the warm-up

        var cap = o.LatencyEventCap;
        var cpu = new CpuWindow(() => silo.CpuTime);
        var (elapsed, errors) = await Offer(client, rate, o.Seconds, cap, "m", samples, next);
        // Drain: wait until every accepted event was pushed, while there is progress (a new push, or the intake
        // backlog shrinking: an overloaded run first works through the warm-up), at most --drain seconds.
        var seenBefore = -1L;
        var pendingBefore = long.MaxValue;
        var quiet = Stopwatch.StartNew();
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < o.Drain)
        {
            var seen = samples.Values.Count(s => s.Accepted && Volatile.Read(ref s.Pushed) != 0);
            var accepted = samples.Values.Count(s => s.Accepted);
            if (seen == accepted) break;
            var pending = await store.PendingIntake();
            if (seen != seenBefore || pending < pendingBefore) { seenBefore = seen; pendingBefore = pending; quiet.Restart(); }
            if (quiet.Elapsed > TimeSpan.FromSeconds(10)) break;
            await Task.Delay(200);
        }
        var split = cpu.Stop();
        var spans = Ingest.Describe(await silo.Spans());
        var all = samples.Values.Where(s => s.Accepted).ToList();
        var seenSamples = all.Where(s => s.Pushed != 0).ToList();
        double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
        var fromAnswer = seenSamples.Select(s => Ms(s.Answered, s.Pushed)).Order().ToList();
        var fromSend = seenSamples.Select(s => Ms(s.Sent, s.Pushed)).Order().ToList();
        var http = all.Select(s => Ms(s.Sent, s.Answered)).Order().ToList();
        // The intake log's own clock: received_at (the 202) → applied_at (the pump recorded the grain's outcome).
        var pump = new List<double>();
        await using (var c = await store.Open())
        await using (var q = c.CreateCommand())
        {
            q.CommandText = "SELECT received_at, applied_at FROM intake_events WHERE event_id LIKE 'm-%' AND applied_at IS NOT NULL";
            await using var reader = await q.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                pump.Add((DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture)).TotalMilliseconds);
        }
        pump.Sort();
        var firstSend = all.Count > 0 ? all.Min(s => s.Sent) : 0;
        var lastPush = seenSamples.Count > 0 ? seenSamples.Max(s => s.Pushed) : 0;
        return new RateRun(resident, rate, elapsed.TotalSeconds, samples.Count, all.Count, seenSamples.Count, all.Count / elapsed.TotalSeconds,
            seenSamples.Count == 0 ? 0 : seenSamples.Count / (Ms(firstSend, lastPush) / 1000),
            Stats.Percentile(fromAnswer, 50), Stats.Percentile(fromAnswer, 95), Stats.Percentile(fromAnswer, 99), fromAnswer.Count > 0 ? fromAnswer[^1] : double.NaN,
            Stats.Percentile(fromSend, 50), Stats.Percentile(fromSend, 99), Stats.Percentile(http, 50), Stats.Percentile(http, 99), split, errors, Ingest.Summarise(silo), Stats.Percentile(pump, 50), Stats.Percentile(pump, 99), spans);
    }

    /// <summary>Open loop: every 5 ms, sends what is due by now (rate × elapsed) without waiting for earlier requests.</summary>
    private static async Task<(TimeSpan Elapsed, string[] Errors)> Offer(HttpClient client, int rate, double seconds, int cap, string prefix,
        ConcurrentDictionary<string, Sample> samples, Func<int> nextSubject)
    {
        var errors = new ConcurrentBag<string>();
        var inflight = new List<Task>();
        var sw = Stopwatch.StartNew();
        long sent = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var run = Guid.NewGuid().ToString("N")[..6];
        while (sw.Elapsed.TotalSeconds < seconds && sent < cap && await timer.WaitForNextTickAsync())
        {
            var due = Math.Min(cap, (long)(rate * sw.Elapsed.TotalSeconds));
            if (due <= sent) continue;
            var events = new List<(string Id, string Json)>();
            for (var i = sent; i < due; i++)
            {
                var id = $"{prefix}-{run}-{i}";
                events.Add((id, Workload.Event(id, Workload.Enterprise(nextSubject()))));
            }
            sent = due;
            inflight.Add(Post(client, events, samples, errors));
        }
        var elapsed = sw.Elapsed;
        await Task.WhenAll(inflight);
        return (elapsed, [.. errors.Take(5)]);
    }

    private static async Task Post(HttpClient client, List<(string Id, string Json)> events, ConcurrentDictionary<string, Sample> samples, ConcurrentBag<string> errors)
    {
        var started = Stopwatch.GetTimestamp();
        var mine = events.Select(e => samples[e.Id] = new Sample { Sent = started }).ToArray();
        try
        {
            var single = events.Count == 1;
            using var content = new StringContent(single ? events[0].Json : "{\"events\":[" + string.Join(',', events.Select(e => e.Json)) + "]}", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(single ? "/api/v1/events" : "/api/v1/events:batch", content);
            var body = await response.Content.ReadAsByteArrayAsync();
            var answered = Stopwatch.GetTimestamp();
            if (single)
            {
                if (response.StatusCode == HttpStatusCode.Accepted) { mine[0].Answered = answered; mine[0].Accepted = true; }
                else errors.Add($"{(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
                return;
            }
            if ((int)response.StatusCode != 207) { errors.Add($"{(int)response.StatusCode} {Encoding.UTF8.GetString(body)}"); return; }
            using var doc = JsonDocument.Parse(body);
            var i = 0;
            foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
            {
                if (r.GetProperty("statusCode").GetInt32() == 202) { mine[i].Answered = answered; mine[i].Accepted = true; }
                else errors.Add(r.GetRawText());
                i++;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            errors.Add(ex.Message);
        }
    }
}
