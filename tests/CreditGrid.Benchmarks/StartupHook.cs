using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

/// <summary>
/// Loaded into the silo child process (DOTNET_STARTUP_HOOKS) by the memory scenario only; the product is unchanged.
/// - CREDITGRID_BENCH_COLLECTION_AGE / _QUANTUM (seconds): sets Orleans' GrainCollectionOptions, which the program
///   does not expose as a setting, through the host's "HostBuilding" diagnostic event (as WebApplicationFactory does).
/// - CREDITGRID_BENCH_CONTROL (a folder): writes the effective collection options to collection.txt at start, and on
///   each "*.gc" file there runs a blocking compacting full GC and answers "&lt;heap bytes&gt; &lt;committed bytes&gt; &lt;gc mode&gt;".
/// </summary>
internal static class StartupHook
{
    public const string ControlVariable = "CREDITGRID_BENCH_CONTROL";
    public const string AgeVariable = "CREDITGRID_BENCH_COLLECTION_AGE";
    public const string QuantumVariable = "CREDITGRID_BENCH_COLLECTION_QUANTUM";

    /// <summary>Durations of the silo's own activities (traces), by name: "intake.pump" is one pump round, "subject.apply" one grain call.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<double>> Spans = new();

    public static void Initialize()
    {
        var control = Environment.GetEnvironmentVariable(ControlVariable);
        var age = Seconds(AgeVariable);
        var quantum = Seconds(QuantumVariable);
        DiagnosticListener.AllListeners.Subscribe(new Listeners(control, age, quantum));
        if (control is not null)
        {
            var listener = new ActivityListener
            {
                // The grid's own spans only: listening to Orleans' sources would make every grain call create a span the
                // shipped silo does not create (it traces Orleans only when exporting, TelemetryExtensions).
                ShouldListenTo = s => s.Name == "CreditGrid",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = a =>
                {
                    var list = Spans.GetOrAdd(a.OperationName, _ => []);
                    lock (list) if (list.Count < 1_000_000) list.Add(a.Duration.TotalMilliseconds);
                },
            };
            ActivitySource.AddActivityListener(listener);
            var thread = new Thread(() => Watch(control)) { IsBackground = true, Name = "bench-control" };
            thread.Start();
        }
    }

    private static TimeSpan? Seconds(string variable) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? TimeSpan.FromSeconds(s) : null;

    private static void Watch(string control)
    {
        while (true)
        {
            try
            {
                foreach (var request in Directory.GetFiles(control, "*.spans"))
                {
                    File.Delete(request);
                    var lines = new List<string>();
                    foreach (var (name, list) in Spans)
                    {
                        double[] d;
                        lock (list) { d = [.. list]; list.Clear(); }
                        if (d.Length == 0) continue;
                        Array.Sort(d);
                        lines.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{name}\t{d.Length}\t{d.Sum():F1}\t{d[d.Length / 2]:F2}\t{d[(int)(d.Length * 0.99)]:F2}\t{d[^1]:F2}"));
                    }
                    var temp = Path.ChangeExtension(request, ".tmp");
                    File.WriteAllLines(temp, lines);
                    File.Move(temp, Path.ChangeExtension(request, ".reply"), overwrite: true);
                }
                foreach (var request in Directory.GetFiles(control, "*.gc"))
                {
                    File.Delete(request);
                    for (var i = 0; i < 2; i++)
                    {
                        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                        GC.WaitForPendingFinalizers();
                    }
                    var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                    var answer = string.Create(CultureInfo.InvariantCulture,
                        $"{GC.GetTotalMemory(false)} {info.TotalCommittedBytes} {(GCSettings.IsServerGC ? "server" : "workstation")}-gc");
                    var temp = Path.ChangeExtension(request, ".tmp");
                    File.WriteAllText(temp, answer);
                    File.Move(temp, Path.ChangeExtension(request, ".reply"), overwrite: true);
                }
            }
            catch (IOException) { }
            Thread.Sleep(200);
        }
    }

    private sealed class Listeners(string? control, TimeSpan? age, TimeSpan? quantum) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting") listener.Subscribe(new HostEvents(control, age, quantum));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class HostEvents(string? control, TimeSpan? age, TimeSpan? quantum) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == "HostBuilding" && e.Value is IHostBuilder builder && (age is not null || quantum is not null))
            {
                builder.ConfigureServices((_, services) => services.Configure<GrainCollectionOptions>(o =>
                {
                    if (quantum is { } q) o.CollectionQuantum = q;
                    if (age is { } a) o.CollectionAge = a;
                }));
            }
            else if (e.Key == "HostBuilt" && e.Value is IHost host && control is not null)
            {
                var o = host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
                var shedding = typeof(GrainCollectionOptions).GetProperty("EnableActivationSheddingOnMemoryPressure")?.GetValue(o);
                File.WriteAllText(Path.Combine(control, "collection.txt"), string.Create(CultureInfo.InvariantCulture,
                    $"CollectionAge={o.CollectionAge} CollectionQuantum={o.CollectionQuantum} EnableActivationSheddingOnMemoryPressure={shedding?.ToString() ?? "n/a"} gc={(GCSettings.IsServerGC ? "server" : "workstation")}"));
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
