using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CreditGrid.Benchmarks.Harness;

/// <summary>
/// The real program as a child process: `dotnet CreditGrid.Silo.dll` (built with the harness, same configuration),
/// on free loopback ports, with the benchmark's API keys and quiet logs (as tests/CreditGrid.Api.Tests/SiloProcess.cs).
/// </summary>
public sealed partial class SiloRunner : IAsyncDisposable
{
    public const string Reporter = "bench-reporter";
    public const string Operator = "bench-operator";
    public const string CreditCenter = "bench-credit-center";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _plain;

    private SiloRunner(Process process, Uri address, string? controlDirectory)
    {
        _process = process;
        Address = address;
        ControlDirectory = controlDirectory;
        _plain = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }
    public int ProcessId => _process.Id;
    public string? ControlDirectory { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The program to start: the one built beside the harness, or --silo-dll (e.g. an experimental build).</summary>
    public static string SiloDll { get; set; } = Path.Combine(AppContext.BaseDirectory, "CreditGrid.Silo.dll");

    /// <summary>
    /// Starts the program. <paramref name="collection"/> sets Orleans' GrainCollectionOptions through the benchmark's
    /// startup hook (the program has no setting for it); it also lets the harness ask for a full GC and read the heap.
    /// </summary>
    public static async Task<SiloRunner> Start(string folder, IEnumerable<string> storage, GrainCollection? collection = null, bool hook = false)
    {
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            SiloDll, "--urls", $"http://127.0.0.1:{port}",
            .. storage,
            $"--Cluster:SiloPort={FreePort()}", $"--Cluster:GatewayPort={FreePort()}",
            "--Logging:LogLevel:Default=Warning",
            $"--Auth:ApiKeys:0:Key={Reporter}", "--Auth:ApiKeys:0:Department=区市场监管局", "--Auth:ApiKeys:0:Roles:0=reporter",
            $"--Auth:ApiKeys:1:Key={Operator}", "--Auth:ApiKeys:1:Department=区社会信用中心", "--Auth:ApiKeys:1:Roles:0=operator",
            $"--Auth:ApiKeys:2:Key={CreditCenter}", "--Auth:ApiKeys:2:Department=区社会信用中心", "--Auth:ApiKeys:2:Roles:0=credit-center",
        ];
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        // For profiling runs: CREDITGRID_BENCH_SILO_ENV="DOTNET_PerfMapEnabled=1;DOTNET_gcServer=0" is passed to the silo.
        foreach (var pair in (Environment.GetEnvironmentVariable("CREDITGRID_BENCH_SILO_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            if (pair.Split('=', 2) is [var name, var value]) start.Environment[name] = value;
        string? control = null;
        if (hook || collection is not null)
        {
            control = Path.Combine(folder, "control");
            Directory.CreateDirectory(control);
            start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
            start.Environment[StartupHook.ControlVariable] = control;
            if (collection is not null)
            {
                start.Environment[StartupHook.AgeVariable] = collection.Age.TotalSeconds.ToString(CultureInfo.InvariantCulture);
                start.Environment[StartupHook.QuantumVariable] = collection.Quantum.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            }
        }
        var process = Process.Start(start)!;
        var silo = new SiloRunner(process, new Uri($"http://127.0.0.1:{port}"), control);
        process.OutputDataReceived += (_, e) => { lock (silo._output) silo._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (silo._output) silo._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await silo.WaitReady();
        return silo;
    }

    public HttpClient Client(string key, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public TimeSpan CpuTime => Proc.CpuTime(_process.Id);
    public long Rss => Proc.Status(_process.Id, "VmRSS");
    public long RssAnon => Proc.Status(_process.Id, "RssAnon");
    public long PeakRss => Proc.Status(_process.Id, "VmHWM");
    public Dictionary<string, long> Io => Proc.Io(_process.Id);
    public bool HasExited => _process.HasExited;

    /// <summary>Resident subject grains (creditgrid_subjects_active, summed over kinds) from /metrics.</summary>
    public async Task<long> ActiveSubjects()
    {
        var text = await _plain.GetStringAsync("/metrics");
        long sum = 0;
        foreach (Match m in ActiveLine().Matches(text)) sum += (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return sum;
    }

    [GeneratedRegex(@"^creditgrid_subjects_active(?:_grain)?(?:_ratio)?\{[^}]*\}\s+([0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex ActiveLine();

    /// <summary>Asks the startup hook for a blocking, compacting full GC; returns the managed heap after it (bytes), or null without the hook.</summary>
    public async Task<HeapReport?> FullGc(TimeSpan? timeout = null)
    {
        if (ControlDirectory is null) return null;
        var id = Guid.NewGuid().ToString("N");
        var reply = Path.Combine(ControlDirectory, id + ".reply");
        await File.WriteAllTextAsync(Path.Combine(ControlDirectory, id + ".gc"), "");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (File.Exists(reply))
            {
                await Task.Delay(50);
                var parts = (await File.ReadAllTextAsync(reply)).Trim().Split(' ');
                if (parts.Length >= 3)
                    return new HeapReport(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
            }
            await Task.Delay(100);
        }
        return null;
    }

    public sealed record HeapReport(long HeapBytes, long CommittedBytes, string Settings);

    /// <summary>Durations of the silo's traced operations since the last call (the hook's ActivityListener), or empty without the hook.</summary>
    public async Task<List<Span>> Spans()
    {
        var list = new List<Span>();
        if (ControlDirectory is null) return list;
        var id = Guid.NewGuid().ToString("N");
        var reply = Path.Combine(ControlDirectory, id + ".reply");
        await File.WriteAllTextAsync(Path.Combine(ControlDirectory, id + ".spans"), "");
        for (var i = 0; i < 300 && !File.Exists(reply); i++) await Task.Delay(100);
        if (!File.Exists(reply)) return list;
        await Task.Delay(50);
        foreach (var line in await File.ReadAllLinesAsync(reply))
        {
            var f = line.Split('\t');
            if (f.Length < 6) continue;
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            list.Add(new Span(f[0], (long)D(1), D(2), D(3), D(4), D(5)));
        }
        return list;
    }

    /// <summary>One traced operation: how many, total, median, 99th percentile and longest, in milliseconds.</summary>
    public sealed record Span(string Name, long Count, double TotalMs, double P50, double P99, double Max);

    private async Task WaitReady()
    {
        for (var i = 0; i < 600; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException("the silo exited:\n" + Output);
            try
            {
                if ((await _plain.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the silo never became ready:\n" + Output);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Where the silo's console output is kept after the run (the data folder is deleted).</summary>
    public static string LogFolder { get; set; } = Path.Combine(Path.GetTempPath(), "creditgrid-bench", "logs");

    public string LogFile { get; } = Path.Combine(LogFolder, $"silo-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.log");

    /// <summary>Warnings and errors the silo logged so far (console logger lines "warn:", "fail:", "crit:"), by the first line of their message.</summary>
    public Dictionary<string, int> Problems()
    {
        var counts = new Dictionary<string, int>();
        var lines = Output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!(line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))) continue;
            var message = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
            message = Digits().Replace(Activation().Replace(message, "[activation]"), "N");
            var key = $"{line[..4]} {line[5..].Trim().Split('[')[0]}: {message[..Math.Min(140, message.Length)]}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }

    [GeneratedRegex(@"[0-9A-Z]{18}|\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\[Activation: [^\]]*\]|#GrainType=[^ ,\]]*|@[0-9a-f]{8,}")]
    private static partial Regex Activation();

    public ValueTask DisposeAsync()
    {
        _plain.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        try
        {
            Directory.CreateDirectory(LogFolder);
            File.WriteAllText(LogFile, Output);
        }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Orleans activation collection for one run: idle time before a grain is deactivated, and how often the silo looks.</summary>
public sealed record GrainCollection(TimeSpan Age, TimeSpan Quantum);
