using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CreditGrid.Benchmarks.Harness;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>Scenario 3: the rules engine benchmark (EvaluateBenchmark), in process, as evaluations/s on one core; plus all cores at once.</summary>
public static class Rules
{
    public static string Run(Options o, Machine machine)
    {
        var load = Proc.LoadAverage1();
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1);
        job = o.Tiny
            ? job.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(50))
            : job.WithWarmupCount(4).WithIterationCount(12);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(o.Scratch, "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<EvaluateBenchmark>(config);

        var sb = new StringBuilder();
        sb.AppendLine("### Rules engine: evaluations/s on one core (BenchmarkDotNet, EvaluateBenchmark)").AppendLine();
        sb.AppendLine(Report.Header(o, machine, load));
        var t = new Table("kind", "records", "path", "mean ns/evaluation", "evaluations/s/core", "allocated B/evaluation", "target ≥ 200,000/s/core");
        foreach (var report in summary.Reports.OrderBy(r => r.BenchmarkCase.Parameters["Kind"]?.ToString()).ThenBy(r => (int)r.BenchmarkCase.Parameters["Records"]).ThenBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, StringComparer.Ordinal))
        {
            var mean = report.ResultStatistics?.Mean ?? double.NaN;
            var perSecond = 1e9 / mean;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            t.Add(report.BenchmarkCase.Parameters["Kind"], report.BenchmarkCase.Parameters["Records"],
                report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(EvaluateBenchmark.Score) ? "score-only (save)" : "full (view)", mean, perSecond, allocated is null ? null : (double)allocated.Value,
                perSecond >= 200_000 ? "met" : $"missed: {perSecond / 200_000:P0} of it");
        }
        sb.AppendLine(t.ToString());

        // All cores at once (enterprise, 20 records): does it scale, or does allocation/GC bind?
        var bench = new EvaluateBenchmark { Records = 20, Kind = "enterprise" };
        bench.Setup();
        var seconds = o.Tiny ? 0.2 : 3;
        long total = 0;
        var sw = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            long n = 0;
            while (sw.Elapsed.TotalSeconds < seconds) { for (var i = 0; i < 100; i++) bench.Evaluate(); n += 100; }
            Interlocked.Add(ref total, n);
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());
        sb.AppendLine($"All {Environment.ProcessorCount} cores at once (enterprise, 20 records, {seconds} s): {Stats.N(total / sw.Elapsed.TotalSeconds)} evaluations/s in total, " +
                      $"{Stats.N(total / sw.Elapsed.TotalSeconds / Environment.ProcessorCount)} per core. In-process toolchain (the harness is one program); " +
                      (o.Tiny ? "tiny: 3 short iterations, numbers are indicative only." : "4 warm-up + 12 measured iterations per case.")).AppendLine();
        return sb.ToString();
    }
}
