using System.Diagnostics;
using System.Text;
using CreditGrid.Benchmarks.Harness;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1 + 5: events/s through POST /api/v1/events:batch until every event is applied (read from the intake
/// table's state counts), per store and subject distribution; in the same run, the store's batched-commit ceiling and
/// the conventional implementation on the same workload.
/// </summary>
public static class Ingest
{
    public sealed record GridRun(
        string Store, string Distribution, int Subjects, long Events, long Accepted, long Refused,
        double DurableSeconds, double AppliedSeconds, long MaxBacklog, CpuSplit Cpu, long WriteBytes, long WriteCalls,
        long DiskBytes, long RssBytes, Dictionary<string, long> States, string[] Errors, string SiloProblems, string Spans)
    {
        public double DurableRate => Accepted / DurableSeconds;
        public double AppliedRate => Accepted / AppliedSeconds;
    }

    public sealed record ConventionalRun(string Store, string Distribution, Conventional.Mode Mode, bool SameRules, long Events, long Accepted, double Seconds, CpuSplit Cpu, string[] Errors)
    {
        public double Rate => Accepted / Seconds;

        public string System => (SameRules ? "conventional, same rules" : "conventional, insert + SUM") +
                                (Mode == Conventional.Mode.TransactionPerRequest ? ", 1 transaction/request" : ", 1 transaction/event");
    }

    public static async Task<string> Run(Options o, Machine machine)
    {
        var load = Proc.LoadAverage1();
        var grid = new List<GridRun>();
        var ceilings = new Dictionary<string, Ceiling.Result>();
        var conventional = new List<ConventionalRun>();
        foreach (var storeKind in o.Stores)
        {
            foreach (var (distribution, subjects) in new[] { ("spread", o.Events), ("hot", o.HotSubjects) }.Where(d => o.Distributions.Contains(d.Item1)))
            {
                var batches = Workload.Batches($"ev-{distribution}", o.Events, subjects, o.BatchSize);
                Console.WriteLine($"[ingest] {storeKind} {distribution}: CreditGrid, {o.Events} events over {subjects} subjects");
                grid.Add(await RunGrid(o, storeKind, distribution, subjects, batches));
                Print(grid[^1]);
                if (!o.Baselines) continue;
                foreach (var sameRules in new[] { false, true })
                {
                    conventional.Add(await RunConventional(o, storeKind, distribution, Conventional.Mode.TransactionPerRequest, sameRules, batches, o.Events));
                    // One commit per event is bounded by the disk's sync rate: a capped sample says enough. The plain
                    // insert + SUM per event runs for new subjects only (as before); the same-rules peer for both.
                    if (distribution != "spread" && !sameRules) continue;
                    var n = Math.Min(o.Events, o.PerEventCap);
                    var sample = Workload.Batches($"ev1-{distribution}", n, Math.Min(subjects, n), Math.Min(o.BatchSize, n));
                    conventional.Add(await RunConventional(o, storeKind, distribution, Conventional.Mode.TransactionPerEvent, sameRules, sample, n));
                }
            }
            if (!o.Baselines) continue;
            Console.WriteLine($"[ingest] {storeKind}: ceiling, {o.Events} rows");
            await using (var store = await Store.Create(storeKind, o.RunFolder("ceiling")))
                ceilings[storeKind] = await Ceiling.Run(store, o.Events, o.Events);
            Console.WriteLine($"  {ceilings[storeKind].RowsPerSecond:F0} rows/s ({ceilings[storeKind].Detail})");
        }
        return Markdown(o, machine, load, grid, ceilings, conventional);
    }

    private static void Print(GridRun r) =>
        Console.WriteLine($"  accepted {r.Accepted}, refused {r.Refused}; durable {r.DurableRate:F0}/s, applied {r.AppliedRate:F0}/s; " +
                          $"cpu {r.Cpu.Markdown()}; states {string.Join(", ", r.States.Select(kv => $"{kv.Key}={kv.Value}"))}" +
                          (r.Spans.Length > 0 ? "; " + r.Spans : "") +
                          (r.SiloProblems.Length > 0 ? "; silo log: " + r.SiloProblems : "") +
                          (r.Errors.Length > 0 ? "; errors: " + string.Join(" / ", r.Errors) : ""));

    public static async Task<GridRun> RunGrid(Options o, string storeKind, string distribution, int subjects, List<byte[]> batches, SiloRunner? reuse = null)
    {
        await using var store = await Store.Create(storeKind, o.RunFolder($"ingest-{storeKind}-{distribution}"));
        await using var silo = await SiloRunner.Start(store.Folder, store.SiloArguments, hook: true);
        return await Measure(o, store, silo, storeKind, distribution, subjects, batches);
    }

    /// <summary>Warms the silo up (a few events, not counted), then pushes the batches and waits until the intake log has nothing pending.</summary>
    public static async Task<GridRun> Measure(Options o, Store store, SiloRunner silo, string storeKind, string distribution, int subjects, List<byte[]> batches, bool warm = true)
    {
        using var client = silo.Client(SiloRunner.Reporter);
        if (warm)
        {
            await Workload.Send(client, Warmup(o), o.WarmEvents > 50 ? o.Concurrency : 1);
            await WaitDrained(store, TimeSpan.FromSeconds(Math.Max(60, o.WarmEvents / 200.0)));
            await silo.Spans(); // forget the warm-up
        }
        var totalEvents = batches.Sum(b => CountEvents(b));
        var io0 = silo.Io;
        var cpu = new CpuWindow(() => silo.CpuTime, store.ServerCpu);
        var sw = Stopwatch.StartNew();
        var sending = Workload.Send(client, batches, o.Concurrency);
        long maxBacklog = 0;
        var counted = TimeSpan.Zero;
        double durable = double.NaN;
        var timeout = TimeSpan.FromSeconds(o.Tiny ? 120 : Math.Max(600, totalEvents / 200.0));
        while (true)
        {
            // The probe is a COUNT over the state index; on PostgreSQL it is not free (it shows in pg_stat_activity), so it polls less often there.
            await Task.Delay(o.Tiny ? 20 : store.IsPostgres ? 500 : 100);
            var justSent = sending.IsCompleted && double.IsNaN(durable);
            if (justSent) durable = sw.Elapsed.TotalSeconds;
            // The backlog is counted every few seconds and when the last batch is in (its peak); the drain test is an EXISTS.
            if (justSent || sw.Elapsed - counted > BacklogEvery)
            {
                maxBacklog = Math.Max(maxBacklog, await store.PendingIntake());
                counted = sw.Elapsed;
            }
            if (sending.IsCompleted && !await store.AnyPendingIntake()) break;
            if (sw.Elapsed > timeout || silo.HasExited) break;
        }
        var applied = sw.Elapsed.TotalSeconds;
        var split = cpu.Stop();
        var spans = await silo.Spans();
        var sent = await sending;
        var io1 = silo.Io;
        return new GridRun(store.Label, distribution, subjects, totalEvents, sent.Accepted, sent.Refused, double.IsNaN(durable) ? applied : durable, applied,
            maxBacklog, split, io1.GetValueOrDefault("write_bytes") - io0.GetValueOrDefault("write_bytes"),
            io1.GetValueOrDefault("syscw") - io0.GetValueOrDefault("syscw"), await store.SizeOnDisk(), silo.Rss, await store.IntakeStates(),
            silo.HasExited ? [.. sent.Errors, "silo exited: " + silo.Output[^Math.Min(2000, silo.Output.Length)..]] : sent.Errors, Summarise(silo), Describe(spans));
    }

    private static readonly TimeSpan BacklogEvery = TimeSpan.FromSeconds(5);

    /// <summary>The warm-up: --warm-events events (default 50), one per subject, on subjects no measured batch uses.</summary>
    private static List<byte[]> Warmup(Options o) =>
        Workload.Batches($"warm-{Guid.NewGuid():N}", o.WarmEvents, o.WarmEvents, Math.Min(o.BatchSize, o.WarmEvents), firstSubject: 90_000_000);

    /// <summary>Pump rounds and grain calls as the silo traced them (intake.pump = one round, subject.apply = one grain call).</summary>
    public static string Describe(List<SiloRunner.Span> spans)
    {
        var parts = new List<string>();
        if (spans.FirstOrDefault(s => s.Name == "intake.pump") is { } pump)
            parts.Add($"{Stats.N(pump.Count)} pump rounds, median {pump.P50:F0} ms, p99 {pump.P99:F0} ms, longest {pump.Max:F0} ms, busy {pump.TotalMs / 1000:F1} s");
        if (spans.FirstOrDefault(s => s.Name == "subject.apply") is { } apply)
            parts.Add($"{Stats.N(apply.Count)} grain Apply calls, median {apply.P50:F1} ms, p99 {apply.P99:F0} ms, {apply.TotalMs / Math.Max(1, apply.Count):F1} ms mean");
        return string.Join("; ", parts);
    }

    /// <summary>The silo's warnings during the run, most frequent first (its full log is kept in the scratch folder).</summary>
    public static string Summarise(SiloRunner silo)
    {
        var problems = silo.Problems();
        return problems.Count == 0 ? "" : string.Join("; ", problems.OrderByDescending(p => p.Value).Take(3).Select(p => $"{p.Value}× {p.Key}"));
    }

    private static int CountEvents(byte[] batch)
    {
        var text = Encoding.UTF8.GetString(batch);
        var n = 0;
        for (var i = text.IndexOf("\"eventId\"", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\"eventId\"", i + 1, StringComparison.Ordinal)) n++;
        return n;
    }

    public static async Task WaitDrained(Store store, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (await store.AnyPendingIntake() && sw.Elapsed < timeout) await Task.Delay(50);
    }

    private static async Task<ConventionalRun> RunConventional(Options o, string storeKind, string distribution, Conventional.Mode mode, bool sameRules,
        List<byte[]> batches, long events)
    {
        Console.WriteLine($"[ingest] {storeKind} {distribution}: {(sameRules ? "same-rules " : "")}conventional ({(mode == Conventional.Mode.TransactionPerRequest ? "transaction per request" : "transaction per event")}), {events} events");
        await using var store = await Store.Create(storeKind, o.RunFolder($"conventional-{storeKind}-{distribution}"));
        await using var server = await Conventional.Start(store, mode, sameRules);
        using var client = server.Client();
        // Warm the JIT and the connection pool on a few events of their own.
        await Workload.Send(client, Warmup(o), o.WarmEvents > 50 ? o.Concurrency : 1);
        var cpu = new CpuWindow(() => TimeSpan.Zero, store.ServerCpu);
        var sent = await Workload.Send(client, batches, o.Concurrency);
        var run = new ConventionalRun(store.Label, distribution, mode, sameRules, events, sent.Accepted, sent.Elapsed.TotalSeconds, cpu.Stop(), sent.Errors);
        Console.WriteLine($"  {run.Rate:F0} events/s");
        return run;
    }

    private static string Markdown(Options o, Machine machine, double load, List<GridRun> grid, Dictionary<string, Ceiling.Result> ceilings, List<ConventionalRun> conventional)
    {
        var sb = new StringBuilder();
        sb.AppendLine("### Ingest: events/s until applied, with the baselines of the same run").AppendLine();
        sb.AppendLine(Report.Header(o, machine, load));
        if (o.PostgresSkipped) sb.AppendLine("PostgreSQL rows skipped: `CREDITGRID_TEST_POSTGRES` is not set.").AppendLine();
        var t = new Table("store", "subjects", "system", "events", "durable (202) events/s", "applied events/s", "CPU (core·s)", "silo CPU µs/event", "silo writes", "notes");
        foreach (var r in grid)
        {
            var notes = $"max backlog (counted every 5 s) {Stats.N(r.MaxBacklog)}; states {string.Join(", ", r.States.Select(kv => $"{kv.Key} {Stats.N(kv.Value)}"))}; db {Stats.Bytes(r.DiskBytes)}; RSS {Stats.Bytes(r.RssBytes)}"
                        + (r.Refused > 0 || r.Errors.Length > 0 ? $"; refused {r.Refused}: {string.Join(" / ", r.Errors)}" : "")
                        + (r.Spans.Length > 0 ? $"; {r.Spans}" : "")
                        + (r.SiloProblems.Length > 0 ? $"; silo log: {r.SiloProblems}" : "; no warnings in the silo log");
            t.Add(r.Store, $"{Stats.N(r.Subjects)} ({r.Distribution})", "CreditGrid", r.Accepted, r.DurableRate, r.AppliedRate, r.Cpu.Markdown(),
                r.Cpu.Silo * 1e6 / Math.Max(1, r.Accepted),
                r.Store.StartsWith("PostgreSQL", StringComparison.Ordinal) ? "— (the database server writes)"
                    : $"{Stats.Bytes(r.WriteBytes / (double)Math.Max(1, r.Accepted))}/event, {r.WriteCalls / (double)Math.Max(1, r.Accepted):F1} write calls/event", notes);
        }
        foreach (var c in conventional)
        {
            var subjects = grid.FirstOrDefault(g => g.Store == c.Store && g.Distribution == c.Distribution)?.Subjects ?? 0;
            t.Add(c.Store, $"{Stats.N(Math.Min(subjects, c.Events))} ({c.Distribution})", c.System,
                c.Accepted, c.Rate, c.Rate, c.Cpu.Markdown(null), null, null, (c.Errors.Length > 0 ? string.Join(" / ", c.Errors) : "synchronous: applied when the 207 returns"));
        }
        foreach (var (kind, c) in ceilings)
            t.Add(c.Store, "—", "ceiling (plain client)", c.Rows, c.RowsPerSecond, null, c.Cpu.Markdown(null, "harness (plain client)"), null, null, c.Detail);
        sb.AppendLine(t.ToString());

        sb.AppendLine("Against the targets of issue 16 (applied events/s of CreditGrid; every ratio within this run):").AppendLine();
        var v = new Table("store", "subjects", "CreditGrid applied/s", "target", "÷ same rules, 1 tx/event (target ≥ 2)", "÷ same rules, 1 tx/request",
            "÷ insert + SUM, 1 tx/request", "÷ ceiling", "db server CPU µs/event");
        foreach (var r in grid)
        {
            var postgres = r.Store.StartsWith("PostgreSQL", StringComparison.Ordinal);
            var target = (postgres, r.Distribution) switch { (true, "spread") => 5_000, (true, _) => 8_000, (false, "spread") => 10_000, _ => 15_000 };
            var ceiling = ceilings.TryGetValue(postgres ? "postgres" : "sqlite", out var c) ? r.AppliedRate / c.RowsPerSecond : double.NaN;
            ConventionalRun? Peer(bool sameRules, Conventional.Mode mode) => conventional.FirstOrDefault(x =>
                x.Store == r.Store && x.SameRules == sameRules && x.Mode == mode && x.Distribution == r.Distribution);
            string? Ratio(ConventionalRun? peer) => peer is null ? null : $"{r.AppliedRate / peer.Rate:F2}";
            var perEvent = Peer(true, Conventional.Mode.TransactionPerEvent);
            var dbCpu = postgres ? r.Cpu.Database * 1e6 / Math.Max(1, r.Accepted) : (double?)null;
            v.Add(r.Store, $"{Stats.N(r.Subjects)} ({r.Distribution})", r.AppliedRate,
                r.AppliedRate >= target ? $"≥ {Stats.N(target)}: met" : $"≥ {Stats.N(target)}: missed, {r.AppliedRate / target:P0} of it",
                perEvent is null ? null : $"{r.AppliedRate / perEvent.Rate:F2}" + (r.AppliedRate >= 2 * perEvent.Rate ? " (met)" : " (missed)"),
                Ratio(Peer(true, Conventional.Mode.TransactionPerRequest)), Ratio(Peer(false, Conventional.Mode.TransactionPerRequest)),
                $"{ceiling:F3}", dbCpu is null ? "—" : $"{dbCpu:F0}" + (r.Distribution == "spread" ? (dbCpu <= 250 ? " (≤ 250: met)" : " (≤ 250: missed)") : ""));
        }
        sb.AppendLine(v.ToString());
        return sb.ToString();
    }
}
