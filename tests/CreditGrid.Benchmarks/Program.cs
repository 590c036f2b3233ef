using BenchmarkDotNet.Running;
using CreditGrid.Benchmarks;
using CreditGrid.Benchmarks.Harness;
using CreditGrid.Benchmarks.Scenarios;

// The benchmark harness (docs/benchmarks.md):
//   dotnet run -c Release --project tests/CreditGrid.Benchmarks -- <ingest|latency|rules|memory|honours|search|imports|all> [--size tiny|full]
// Anything else goes to BenchmarkDotNet as before:
//   dotnet run -c Release --project tests/CreditGrid.Benchmarks -- --filter '*'
if (!Options.IsScenario(args))
{
    BenchmarkSwitcher.FromAssembly(typeof(EvaluateBenchmark).Assembly).Run(args);
    return 0;
}

var o = Options.Parse(args);
Directory.CreateDirectory(o.Scratch);
SiloRunner.LogFolder = Path.Combine(o.Scratch, "logs");
if (o.SiloDll is not null) SiloRunner.SiloDll = Path.GetFullPath(o.SiloDll);
var machine = Machine.Describe(o.Scratch);
var target = Report.Target(o);
Console.WriteLine($"CreditGrid benchmarks: {o.Scenario}, size {o.Size}; machine: {machine.Markdown()}");
Console.WriteLine($"silo: {SiloRunner.SiloDll}; results → {target}");
if (o.PostgresSkipped) Console.WriteLine("PostgreSQL: CREDITGRID_TEST_POSTGRES is not set; the PostgreSQL rows are skipped.");

if (o.Runs("rules")) Report.Write(target, "rules", Rules.Run(o, machine));
if (o.Runs("ingest")) Report.Write(target, "ingest", await Ingest.Run(o, machine));
if (o.Runs("latency")) Report.Write(target, "latency", await Latency.Run(o, machine));
if (o.Runs("memory")) Report.Write(target, "memory", await Memory.Run(o, machine));
if (o.Runs("honours")) Report.Write(target, "honours", await Honours.Run(o, machine));
if (o.Runs("search")) Report.Write(target, "search", await Search.Run(o, machine));
if (o.Runs("imports")) Report.Write(target, "imports", await Imports.Run(o, machine));
Console.WriteLine($"written: {target}");
return 0;
