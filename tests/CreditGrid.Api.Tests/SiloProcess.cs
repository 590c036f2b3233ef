using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CreditGrid.Api.Tests;

/// <summary>The real program as a child process (the built CreditGrid.Silo.dll), for crash and restart tests.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<SiloProcess> Start(string folder, DateTimeOffset clock) => await Start(folder, clock, await StoreOf(folder));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Databases = new();

    /// <summary>The folder's SQLite file, or (CREDITGRID_TEST_STORE=postgres) one PostgreSQL database per folder, kept across restarts.</summary>
    public static async Task<string[]> StoreOf(string folder) =>
        GridHost.OnPostgres
            ? ["--Storage:Provider=postgres", $"--Storage:ConnectionString={await Databases.GetOrAdd(folder, _ => new Lazy<Task<string>>(PostgresServer.NewDatabase)).Value}"]
            : [$"--Storage:ConnectionString=Data Source={Path.Combine(folder, "creditgrid.db")}"];

    /// <summary>Starts the program with the given storage/cluster arguments (and the test keys, clock and quiet logs).</summary>
    public static async Task<SiloProcess> Start(string folder, DateTimeOffset clock, IEnumerable<string> settings, int? port = null)
    {
        port ??= FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "CreditGrid.Silo.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            dll, "--urls", $"http://127.0.0.1:{port}",
            .. settings,
            $"--Clock:Now={clock:O}", "--Logging:LogLevel:Default=Warning", "--Scheduling:SweepSeconds=0.5",
            $"--Auth:ApiKeys:0:Key={GridHost.Reporter}", "--Auth:ApiKeys:0:Department=区市场监管局", "--Auth:ApiKeys:0:Roles:0=reporter",
            $"--Auth:ApiKeys:1:Key={GridHost.Operator}", "--Auth:ApiKeys:1:Department=区社会信用中心", "--Auth:ApiKeys:1:Roles:0=operator",
            $"--Auth:ApiKeys:2:Key={GridHost.CreditCenter}", "--Auth:ApiKeys:2:Department=区社会信用中心", "--Auth:ApiKeys:2:Roles:0=credit-center",
            $"--Auth:ApiKeys:3:Key={GridHost.Emergency}", "--Auth:ApiKeys:3:Department=区应急管理局", "--Auth:ApiKeys:3:Roles:0=emergency",
        ];
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { lock (silo._output) silo._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (silo._output) silo._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await silo.WaitReady();
        return silo;
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>kill -9: no shutdown, no flush.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitReady()
    {
        using var client = new HttpClient { BaseAddress = Address };
        for (var i = 0; i < 300; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException("the silo exited:\n" + Output);
            try
            {
                if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the silo never became ready:\n" + Output);
    }

    public int ProcessId => _process.Id;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
