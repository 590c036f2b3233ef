using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CreditGrid.Core.Identifiers;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11 item 9, http-api Conventions: "No log line, at any level and in any start mode, carries an unmasked
/// person/official identifier or an API key". The real program, started from a folder that is not its own (so no
/// appsettings.json beside it), with every category at Trace; then the whole console output is searched.
/// </summary>
public sealed class LogPrivacyTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _foreign = Path.Combine(Path.GetTempPath(), "creditgrid-foreign", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_foreign, recursive: true); } catch (IOException) { }
    }

    private static string[] Common(int port) =>
    [
        "--urls", $"http://127.0.0.1:{port}", $"--Clock:Now={GridHost.Now:O}", "--Scheduling:SweepSeconds=0.5",
    ];

    /// <summary>Every category at Trace, the shipped ones included (a category's own level beats Default).</summary>
    private static readonly string[] Trace =
    [
        "--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace", "--Logging:LogLevel:Orleans=Trace",
        "--Logging:LogLevel:Polly=Trace", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Trace",
    ];

    private static string NewOfficialId() => ResidentId.Complete($"37030319800101{Random.Shared.Next(1000):D3}");

    private static string Masked(string id) => id[..6] + "********" + id[^4..];

    private static void AssertClean(string log, IEnumerable<string> ids, IEnumerable<string> keys)
    {
        var lines = log.Split('\n');
        foreach (var id in ids)
        {
            var hit = lines.FirstOrDefault(l => l.Contains(id, StringComparison.OrdinalIgnoreCase));
            Assert.True(hit is null, $"the log carries {Masked(id)} unmasked: {hit?.Replace(id, Masked(id) + "(unmasked)", StringComparison.OrdinalIgnoreCase)}");
        }
        foreach (var key in keys)
        {
            var hit = lines.FirstOrDefault(l => l.Contains(key, StringComparison.Ordinal));
            Assert.True(hit is null, $"the log carries an API key: {hit?.Replace(key, "<key>", StringComparison.Ordinal)}");
        }
    }

    [Fact]
    public async Task Started_from_another_folder_the_shipped_log_levels_apply()
    {
        Directory.CreateDirectory(_foreign);
        var port = SiloProcess.FreePort();
        await using var silo = ProgramRun.Start(_foreign, [.. Common(port), $"--Cluster:SiloPort={SiloProcess.FreePort()}", $"--Cluster:GatewayPort={SiloProcess.FreePort()}"]);
        var address = new Uri($"http://127.0.0.1:{port}");
        await silo.WaitReady(address);
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/catalog/enterprise")).StatusCode);
        await silo.Stop();
        // Microsoft.Hosting.Lifetime logs at Information (the program's own settings), ASP.NET Core's request lines at
        // Information are below its shipped Warning: without the shipped settings both would show.
        Assert.Contains("Now listening on", silo.Output);
        Assert.DoesNotContain("Request starting", silo.Output);
        Assert.DoesNotContain("Request finished", silo.Output);
    }

    [Fact]
    public async Task A_traced_run_from_another_folder_logs_no_resident_id_and_no_key()
    {
        Directory.CreateDirectory(_foreign);
        var port = SiloProcess.FreePort();
        // The embedded default: database and generated keys in ./data of the working folder.
        await using var silo = ProgramRun.Start(_foreign, [.. Common(port), .. Trace, $"--Cluster:SiloPort={SiloProcess.FreePort()}", $"--Cluster:GatewayPort={SiloProcess.FreePort()}"]);
        var address = new Uri($"http://127.0.0.1:{port}");
        await silo.WaitReady(address);
        var keys = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_foreign, "data", "api-keys.json"))).RootElement
            .GetProperty("Auth").GetProperty("ApiKeys").EnumerateArray().ToDictionary(k => k.GetProperty("Roles")[0].GetString()!, k => k.GetProperty("Key").GetString()!);
        HttpClient As(string role) => new() { BaseAddress = address, DefaultRequestHeaders = { { "X-Api-Key", keys[role] } } };

        var persons = Enumerable.Range(0, 3).Select(_ => GridHost.NewPersonId()).ToList();
        var official = NewOfficialId();
        await using var feed = new HubConnectionBuilder().WithUrl(new Uri(address, $"/hubs/grid?access_token={keys["operator"]}")).Build();
        var pushes = 0;
        feed.On<JsonElement>("scoreChanged", _ => Interlocked.Increment(ref pushes));
        await feed.StartAsync();

        foreach (var person in persons)
        {
            var put = await As("credit-center").PutAsync($"/api/v1/subjects/person/{person}", Calls.Json(new { name = "日志测试人", registeredAt = "2026-01-05" }));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await As("operator").GetAsync($"/api/v1/subjects/person/{person}")).StatusCode);
            var push = await As("reporter").PostAsync("/api/v1/events", Calls.Json(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-20" }));
            Assert.Equal(HttpStatusCode.Accepted, push.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await As("credit-center").PutAsync($"/api/v1/subjects/official/{official}", Calls.Json(new { name = "日志测试官员", registeredAt = "2026-01-05", unit = "区政府" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await As("operator").GetAsync($"/api/v1/subjects/official/{official}")).StatusCode);
        // Refused requests name IDs too: an unknown person, and a key in a query where none belongs.
        var unknown = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.NotFound, (await As("operator").GetAsync($"/api/v1/subjects/person/{unknown}")).StatusCode);
        using (var anonymous = new HttpClient { BaseAddress = address })
            await anonymous.GetAsync($"/api/v1/subjects/person/{persons[0]}?access_token={keys["reporter"]}");
        var sw = Stopwatch.StartNew();
        while (Volatile.Read(ref pushes) < persons.Count && sw.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        Assert.True(pushes >= persons.Count, $"{pushes} score changes reached the hub");
        await feed.StopAsync();
        await silo.Stop();

        var log = silo.Output;
        output.WriteLine($"{log.Length / 1024} KB of log, {log.Split('\n').Length} lines");
        AssertClean(log, [.. persons, official, unknown], keys.Values);
        // The redaction shows (so the search above looks where the IDs were): masked IDs and the hidden token.
        Assert.Contains(Masked(persons[0]), log);
        Assert.Contains(Masked(official), log);
        Assert.Contains("access_token=***", log);
    }

    [Fact]
    public async Task A_two_silo_cluster_with_one_silo_killed_logs_no_resident_id_and_no_key()
    {
        Directory.CreateDirectory(_foreign);
        var database = await PostgresServer.NewDatabase();
        string[] keys = ["k-privacy-reporter-0c1f", "k-privacy-center-7d2a", "k-privacy-operator-93be"];
        string[] Arguments(int http, int siloPort, int gateway) =>
        [
            .. Common(http), "--Storage:Provider=postgres", $"--Storage:ConnectionString={database}", "--Cluster:Mode=adonet",
            $"--Cluster:SiloPort={siloPort}", $"--Cluster:GatewayPort={gateway}",
            "--Cluster:Membership:ProbeTimeout=00:00:02", "--Cluster:Membership:NumMissedProbesLimit=2",
            "--Cluster:Membership:TableRefreshTimeout=00:00:02", "--Cluster:Membership:IAmAliveTablePublishTimeout=00:00:05",
            // The shipped levels for Orleans (its failure logs name grains), request lines on so masked IDs show.
            "--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
            $"--Auth:ApiKeys:0:Key={keys[0]}", "--Auth:ApiKeys:0:Department=区市场监管局", "--Auth:ApiKeys:0:Roles:0=reporter",
            $"--Auth:ApiKeys:1:Key={keys[1]}", "--Auth:ApiKeys:1:Department=区社会信用中心", "--Auth:ApiKeys:1:Roles:0=credit-center",
            $"--Auth:ApiKeys:2:Key={keys[2]}", "--Auth:ApiKeys:2:Department=区社会信用中心", "--Auth:ApiKeys:2:Roles:0=operator",
        ];
        var ports = Enumerable.Range(0, 2).Select(_ => (Http: SiloProcess.FreePort(), Silo: SiloProcess.FreePort(), Gateway: SiloProcess.FreePort())).ToList();
        await using var a = ProgramRun.Start(_foreign, Arguments(ports[0].Http, ports[0].Silo, ports[0].Gateway));
        await using var b = ProgramRun.Start(_foreign, Arguments(ports[1].Http, ports[1].Silo, ports[1].Gateway));
        var addresses = ports.Select(p => new Uri($"http://127.0.0.1:{p.Http}")).ToList();
        await Task.WhenAll(a.WaitReady(addresses[0]), b.WaitReady(addresses[1]));
        HttpClient As(int silo, string key) => new() { BaseAddress = addresses[silo], Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "X-Api-Key", key } } };

        // Persons whose grains live on both silos, each with events.
        var persons = Enumerable.Range(0, 12).Select(_ => GridHost.NewPersonId()).ToList();
        for (var i = 0; i < persons.Count; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await As(i % 2, keys[1]).PutAsync($"/api/v1/subjects/person/{persons[i]}", Calls.Json(new { name = "集群日志测试", registeredAt = "2026-01-05" }))).StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, (await As(i % 2, keys[0]).PostAsync("/api/v1/events", Calls.Json(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = persons[i], indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-20" }))).StatusCode);
        }

        // Silo b dies under load; silo a keeps taking events on every person until it has taken over their grains.
        b.KillHard();
        var sw = Stopwatch.StartNew();
        var applied = new HashSet<string>();
        while (applied.Count < persons.Count && sw.Elapsed < TimeSpan.FromSeconds(120))
        {
            foreach (var person in persons.Where(p => !applied.Contains(p)))
            {
                var eventId = GridHost.NewEventId();
                try
                {
                    await As(0, keys[0]).PostAsync("/api/v1/events", Calls.Json(new { eventId, subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-20" }));
                    var read = await As(0, keys[2]).GetAsync($"/api/v1/subjects/person/{person}");
                    if (read.StatusCode == HttpStatusCode.OK) applied.Add(person);
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
            }
            await Task.Delay(500);
        }
        Assert.Equal(persons.Count, applied.Count);
        await a.Stop();

        var log = a.Output + b.Output;
        output.WriteLine($"{log.Length / 1024} KB of log; Orleans lines naming a masked person grain: {log.Split('\n').Count(l => l.Contains("person:") && l.Contains("********"))}");
        AssertClean(log, persons, keys);
        Assert.Contains(Masked(persons[0]), log);
    }
}

/// <summary>The masking rule itself (http-api Conventions: first 6 and last 4 kept, '*' between).</summary>
public sealed class RedactorTests
{
    private readonly CreditGrid.Silo.Hosting.Redactor _redactor = new(["secret-key-1", "secret-key-10"]);

    [Theory]
    [InlineData("grain person/person:37030319900101001X failed", "grain person/person:370303********001X failed")]
    [InlineData("/api/v1/subjects/official/370303198001010015?x=1", "/api/v1/subjects/official/370303********0015?x=1")]
    [InlineData("GET /hubs/grid?id=abc&access_token=anything-at-all HTTP/1.1", "GET /hubs/grid?id=abc&access_token=*** HTTP/1.1")]
    [InlineData("X-Api-Key: secret-key-10 and secret-key-1", "X-Api-Key: *** and ***")]
    [InlineData("ticks 6389012345678901234 stay", "ticks 6389012345678901234 stay")]
    public void Resident_IDs_are_masked_and_keys_replaced(string line, string logged) =>
        Assert.Equal(logged, _redactor.Redact(line));

    [Fact]
    public void An_18_digit_number_logged_as_a_value_is_masked()
    {
        Assert.Equal("370303********0015", _redactor.Value(370303198001010015L));
        Assert.Equal(42, _redactor.Value(42));
    }
}
