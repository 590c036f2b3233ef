using System.Diagnostics;
using System.Text;
using CreditGrid.Benchmarks.Harness;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: bytes per resident subject grain (one event per subject through events:batch, then the working set and
/// managed heap per new activation), and what idle collection does: with a chosen GrainCollectionOptions (set by the
/// benchmark's startup hook, as the program has no setting), how fast idle subjects leave memory and what bringing
/// them back costs.
/// </summary>
public static class Memory
{
    public sealed record SizeRun(int Subjects, int Pushed, bool Stopped, long ActiveBefore, long ActiveAfter, long RssBefore, long RssAfter, long RssBeforeGc, long RssAfterGc,
        long HeapBefore, long HeapAfter, double IngestSeconds, string GcMode, string Collection)
    {
        public long NewActivations => ActiveAfter - ActiveBefore;
        public double RssPerGrain => (RssAfter - RssBefore) / (double)Math.Max(1, NewActivations);
        public double RssAfterGcPerGrain => (RssAfterGc - RssBeforeGc) / (double)Math.Max(1, NewActivations);
        public double HeapPerGrain => (HeapAfter - HeapBefore) / (double)Math.Max(1, NewActivations);
    }

    public sealed record IdleRun(int Subjects, TimeSpan Age, TimeSpan Quantum, string Effective, double IngestSeconds, List<(double T, long Active, long Rss)> Timeline,
        double? HalfGone, double? AllGone, long HeapLoaded, long HeapIdle, int Reactivated, double ColdRate, double ReactivateRate, double WarmRate);

    public static async Task<string> Run(Options o, Machine machine)
    {
        var load = Proc.LoadAverage1();
        var sizes = new List<SizeRun>();
        foreach (var n in o.MemorySizes)
        {
            Console.WriteLine($"[memory] {n} subjects, default collection settings");
            sizes.Add(await RunSize(o, n));
            var r = sizes[^1];
            Console.WriteLine($"  +{r.NewActivations} activations in {r.IngestSeconds:F1} s; RSS/grain {r.RssPerGrain:F0} B, after GC {r.RssAfterGcPerGrain:F0} B, heap/grain {r.HeapPerGrain:F0} B; {r.Collection}");
        }
        Console.WriteLine($"[memory] idle collection: {o.IdleSubjects} subjects, CollectionAge {o.IdleAge.TotalSeconds} s, quantum {o.IdleQuantum.TotalSeconds} s");
        var idle = await RunIdle(o);
        Console.WriteLine($"  half gone after {idle.HalfGone?.ToString("F1") ?? "—"} s, all after {idle.AllGone?.ToString("F1") ?? "—"} s; cold {idle.ColdRate:F0}/s, reactivate {idle.ReactivateRate:F0}/s, warm {idle.WarmRate:F0}/s");

        var sb = new StringBuilder();
        sb.AppendLine("### Memory: bytes per resident subject grain").AppendLine();
        sb.AppendLine(Report.Header(o, machine, load));
        var t = new Table("subjects pushed", "new activations", "ingest s", "RSS before → after", "RSS Δ / grain", "after full GC: RSS Δ / grain", "managed heap Δ / grain", "target ≤ 4 KB", "GC", "collection options in effect");
        foreach (var r in sizes)
            t.Add(r.Stopped ? $"{Stats.N(r.Subjects)} planned, {Stats.N(r.Pushed)} pushed before the {o.MemoryDeadline.TotalMinutes:F0}-minute budget ran out" : Stats.N(r.Subjects), r.NewActivations, r.IngestSeconds, $"{Stats.Bytes(r.RssBefore)} → {Stats.Bytes(r.RssAfter)}", Stats.Bytes(r.RssPerGrain), Stats.Bytes(r.RssAfterGcPerGrain),
                Stats.Bytes(r.HeapPerGrain), r.RssAfterGcPerGrain <= 4096 ? "met" : $"missed: {r.RssAfterGcPerGrain / 4096:F1}×", r.GcMode, r.Collection);
        sb.AppendLine(t.ToString());
        sb.AppendLine("One fine per new subject through events:batch (1000 per batch); \"RSS Δ\" is VmRSS from /proc/<pid>/status after the last event was applied, " +
                      "\"after full GC\" after a blocking compacting gen-2 collection requested through the startup hook (both compared with the same measure before the load); " +
                      "activations are the silo's own gauge `creditgrid_subjects_active` on /metrics.").AppendLine();

        sb.AppendLine($"#### Idle collection (CollectionAge {idle.Age.TotalSeconds:F0} s, CollectionQuantum {idle.Quantum.TotalSeconds:F0} s, chosen for the run)").AppendLine();
        sb.AppendLine($"In effect: `{idle.Effective}`. {Stats.N(idle.Subjects)} subjects activated in {idle.IngestSeconds:F1} s, then left idle:").AppendLine();
        var tl = new Table("seconds after the last event applied", "resident subject grains", "RSS");
        var step = Math.Max(1, idle.Timeline.Count / 16);
        for (var i = 0; i < idle.Timeline.Count; i++)
            if (i % step == 0 || i == idle.Timeline.Count - 1) tl.Add(idle.Timeline[i].T, idle.Timeline[i].Active, Stats.Bytes(idle.Timeline[i].Rss));
        sb.AppendLine(tl.ToString());
        sb.AppendLine($"Half of them deactivated after {idle.HalfGone?.ToString("F0") ?? "—"} s, " +
                      (idle.AllGone is { } gone ? $"all after {gone:F0} s; " : $"not all within the {idle.Timeline[^1].T:F0} s watched ({Stats.N(idle.Timeline[^1].Active)} left); ") +
                      $"managed heap {Stats.Bytes(idle.HeapLoaded)} loaded → {Stats.Bytes(idle.HeapIdle)} after collection. " +
                      $"Applying one more event to {Stats.N(idle.Reactivated)} of the collected subjects (each must be read back from storage): {idle.ReactivateRate:F0} events/s, " +
                      $"against {idle.ColdRate:F0} events/s for their first event (no stored state) and {idle.WarmRate:F0} events/s for an event to subjects still resident.").AppendLine();
        return sb.ToString();
    }

    private static async Task<SizeRun> RunSize(Options o, int n)
    {
        await using var store = Store.Sqlite(o.RunFolder($"memory-{n}"));
        await using var silo = await SiloRunner.Start(store.Folder, store.SiloArguments, hook: true);
        using var client = silo.Client(SiloRunner.Reporter);
        await Workload.Send(client, Workload.Batches($"warm-{n}", 50, 50, 50, firstSubject: 90_000_000), 1);
        await Ingest.WaitDrained(store, TimeSpan.FromSeconds(60));
        await Task.Delay(2000);
        var rssBefore = silo.Rss;
        var activeBefore = await silo.ActiveSubjects();
        var heapBefore = await silo.FullGc();
        var rssBeforeGc = silo.Rss;

        // In slices of 10 batches, so a run that cannot finish within --memory-minutes stops and says how far it got.
        var sw = Stopwatch.StartNew();
        var pushed = 0;
        var stopped = false;
        for (var start = 0; start < n; start += o.BatchSize * 10)
        {
            var count = Math.Min(o.BatchSize * 10, n - start);
            var sent = await Workload.Send(client, Workload.Batches($"mem-{n}-{start}", count, count, o.BatchSize, firstSubject: start), o.Concurrency);
            if (sent.Errors.Length > 0) Console.WriteLine("  errors: " + string.Join(" / ", sent.Errors));
            pushed += count;
            // Flow control: the intake takes events far faster than grains apply them; keep the backlog short so the
            // budget check below stops the run near the point it says.
            while (await store.PendingIntake() > 20_000) await Task.Delay(250);
            if (sw.Elapsed > o.MemoryDeadline && pushed < n)
            {
                stopped = true;
                Console.WriteLine($"  stopping at {pushed} of {n} subjects: the {o.MemoryDeadline.TotalMinutes} minute budget is spent");
                break;
            }
        }
        await Ingest.WaitDrained(store, TimeSpan.FromSeconds(Math.Max(600, n / 100.0)));
        var ingest = sw.Elapsed.TotalSeconds;
        await Task.Delay(3000);
        var rssAfter = silo.Rss;
        var activeAfter = await silo.ActiveSubjects();
        var heapAfter = await silo.FullGc(TimeSpan.FromMinutes(5));
        var rssAfterGc = silo.Rss;
        var collection = File.Exists(Path.Combine(silo.ControlDirectory!, "collection.txt")) ? await File.ReadAllTextAsync(Path.Combine(silo.ControlDirectory!, "collection.txt")) : "?";
        return new SizeRun(n, pushed, stopped, activeBefore, activeAfter, rssBefore, rssAfter, rssBeforeGc, rssAfterGc, heapBefore?.HeapBytes ?? 0, heapAfter?.HeapBytes ?? 0, ingest,
            heapAfter?.Settings ?? "?", collection.Replace(" gc=server", "", StringComparison.Ordinal).Replace(" gc=workstation", "", StringComparison.Ordinal));
    }

    private static async Task<IdleRun> RunIdle(Options o)
    {
        var n = o.IdleSubjects;
        await using var store = Store.Sqlite(o.RunFolder("memory-idle"));
        await using var silo = await SiloRunner.Start(store.Folder, store.SiloArguments, new GrainCollection(o.IdleAge, o.IdleQuantum));
        using var client = silo.Client(SiloRunner.Reporter);
        var effective = File.Exists(Path.Combine(silo.ControlDirectory!, "collection.txt")) ? await File.ReadAllTextAsync(Path.Combine(silo.ControlDirectory!, "collection.txt")) : "?";

        // First event per subject: activation with no stored state.
        var sw = Stopwatch.StartNew();
        await Workload.Send(client, Workload.Batches("idle-a", n, n, o.BatchSize), o.Concurrency);
        await Ingest.WaitDrained(store, TimeSpan.FromSeconds(Math.Max(600, n / 100.0)));
        var ingest = sw.Elapsed.TotalSeconds;
        var cold = n / ingest;

        // A second event to a sample while they are all still resident (warm).
        var sample = Math.Min(n, o.Tiny ? n : 10_000);
        sw.Restart();
        await Workload.Send(client, Workload.Batches("idle-b", sample, sample, o.BatchSize), o.Concurrency);
        await Ingest.WaitDrained(store, TimeSpan.FromSeconds(600));
        var warm = sample / sw.Elapsed.TotalSeconds;
        var heapLoaded = (await silo.FullGc())?.HeapBytes ?? 0;

        // Watch them leave.
        var timeline = new List<(double, long, long)>();
        var watch = Stopwatch.StartNew();
        var limit = 2 * o.IdleAge + 4 * o.IdleQuantum + TimeSpan.FromSeconds(o.Tiny ? 5 : 30);
        var interval = TimeSpan.FromSeconds(o.Tiny ? 0.5 : 5);
        var loaded = await silo.ActiveSubjects();
        double? half = null, all = null;
        while (watch.Elapsed < limit)
        {
            var active = await silo.ActiveSubjects();
            timeline.Add((watch.Elapsed.TotalSeconds, active, silo.Rss));
            if (half is null && active <= loaded / 2) half = watch.Elapsed.TotalSeconds;
            if (active <= Math.Max(2, loaded / 1000)) { all = watch.Elapsed.TotalSeconds; break; }
            await Task.Delay(interval);
        }
        var heapIdle = (await silo.FullGc())?.HeapBytes ?? 0;

        // Bring the sample back: each activation reads its dossier from storage.
        sw.Restart();
        await Workload.Send(client, Workload.Batches("idle-c", sample, sample, o.BatchSize), o.Concurrency);
        await Ingest.WaitDrained(store, TimeSpan.FromSeconds(600));
        var reactivate = sample / sw.Elapsed.TotalSeconds;
        return new IdleRun(n, o.IdleAge, o.IdleQuantum, effective.Trim(), ingest, timeline, half, all, heapLoaded, heapIdle, sample, cold, reactivate, warm);
    }
}
