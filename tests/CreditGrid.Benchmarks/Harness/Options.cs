using System.Globalization;

namespace CreditGrid.Benchmarks.Harness;

/// <summary>
/// dotnet run -c Release --project tests/CreditGrid.Benchmarks -- &lt;ingest|latency|rules|memory|all&gt; [--size tiny|full]
///   [--out FILE] [--stores sqlite,postgres] [--events N] [--rates 200,1000,5000] [--seconds S] [--memory-sizes 100000,1000000]
///   [--idle-age SECONDS] [--idle-quantum SECONDS] [--concurrency N] [--scratch DIR]
/// </summary>
public sealed class Options
{
    public static readonly string[] Scenarios = ["ingest", "latency", "rules", "memory", "honours", "search", "imports", "all"];

    public string Scenario { get; private init; } = "all";
    public bool Tiny { get; private init; }
    public string Size => Tiny ? "tiny" : "full";
    public string? Out { get; private init; }
    public string[] Stores { get; private init; } = [];
    public int Events { get; private init; }
    public int HotSubjects { get; private init; }
    public int BatchSize { get; private init; }
    public int Concurrency { get; private init; } = 4;
    public int[] Rates { get; private init; } = [200, 1000, 5000];
    public double Seconds { get; private init; }
    public double WarmupSeconds { get; private init; }
    public int LatencyEventCap { get; private init; }
    public int[] MemorySizes { get; private init; } = [];
    public int IdleSubjects { get; private init; }
    public TimeSpan IdleAge { get; private init; }
    public TimeSpan IdleQuantum { get; private init; }
    public int PerEventCap { get; private init; }
    public string Scratch { get; private init; } = Path.Combine(Path.GetTempPath(), "creditgrid-bench");
    public string CommandLine { get; private init; } = "";
    public bool PostgresSkipped { get; private init; }
    public string? SiloDll { get; private init; }
    public TimeSpan MemoryDeadline { get; private init; }
    public TimeSpan Drain { get; private init; }
    /// <summary>ingest: which subject distributions run (spread, hot); both by default.</summary>
    public string[] Distributions { get; private init; } = ["spread", "hot"];
    /// <summary>ingest: false skips the conventional services and the ceiling (a quick A/B of the grid alone).</summary>
    public bool Baselines { get; private init; } = true;
    /// <summary>ingest: events (one per subject, on subjects of their own) sent and applied before the clock starts.</summary>
    public int WarmEvents { get; private init; } = 50;

    public static bool IsScenario(string[] args) => args.Length > 0 && Scenarios.Contains(args[0]);

    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            map[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        var size = map.GetValueOrDefault("size", "full");
        if (size is not ("tiny" or "full")) throw new ArgumentException("--size is tiny or full");
        var tiny = size == "tiny";
        string[] stores = map.TryGetValue("stores", out var s) ? s.Split(',') : Store.PostgresAdmin is null ? ["sqlite"] : ["sqlite", "postgres"];
        var skipped = stores.Contains("postgres") && Store.PostgresAdmin is null;
        if (skipped) stores = [.. stores.Where(x => x != "postgres")];
        int Int(string k, int full, int small) => map.TryGetValue(k, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : tiny ? small : full;
        double Dbl(string k, double full, double small) => map.TryGetValue(k, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : tiny ? small : full;
        int[] Ints(string k, int[] full, int[] small) => map.TryGetValue(k, out var v) ? [.. v.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))] : tiny ? small : full;
        return new Options
        {
            Scenario = args[0],
            Tiny = tiny,
            Out = map.GetValueOrDefault("out"),
            Stores = stores,
            PostgresSkipped = skipped || (!map.ContainsKey("stores") && Store.PostgresAdmin is null),
            Events = Int("events", 100_000, 400),
            HotSubjects = Int("hot-subjects", 1_000, 10),
            BatchSize = Int("batch", 1_000, 100),
            Concurrency = Int("concurrency", 4, 2),
            Rates = Ints("rates", [200, 1000, 5000], [200, 1000, 5000]),
            Seconds = Dbl("seconds", 20, 1),
            WarmupSeconds = Dbl("warmup", 3, 0.3),
            LatencyEventCap = Int("latency-cap", 30_000, 300),
            MemorySizes = Ints("memory-sizes", [100_000, 1_000_000], [400]),
            IdleSubjects = Int("idle-subjects", 20_000, 300),
            IdleAge = TimeSpan.FromSeconds(Dbl("idle-age", 60, 4)),
            IdleQuantum = TimeSpan.FromSeconds(Dbl("idle-quantum", 10, 1)),
            PerEventCap = Int("per-event-cap", 10_000, 200),
            Scratch = map.GetValueOrDefault("scratch", Path.Combine(Path.GetTempPath(), "creditgrid-bench")),
            SiloDll = map.GetValueOrDefault("silo-dll"),
            MemoryDeadline = TimeSpan.FromMinutes(Dbl("memory-minutes", 8, 2)),
            Drain = TimeSpan.FromSeconds(Dbl("drain", 180, 30)),
            Distributions = map.TryGetValue("distributions", out var d) ? d.Split(',') : ["spread", "hot"],
            WarmEvents = Int("warm-events", 50, 50),
            Baselines = !map.TryGetValue("baselines", out var b) || b != "false",
            CommandLine = "dotnet run -c Release --project tests/CreditGrid.Benchmarks -- " + string.Join(' ', args),
        };
    }

    public bool Runs(string scenario) => Scenario == scenario || Scenario == "all";

    public string RunFolder(string name) => Path.Combine(Scratch, $"{name}-{Guid.NewGuid().ToString("N")[..8]}");
}
