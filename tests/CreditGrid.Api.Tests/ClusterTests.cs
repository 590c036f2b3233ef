using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Three real silo processes on loopback over PostgreSQL (Cluster:Mode=adonet). Events are pushed to all three HTTP
/// endpoints while one silo is killed with kill -9, five times over; every event that got a 202 must be applied exactly
/// once, and a SignalR client on a silo that is never killed keeps receiving changes.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cycles = 5;
    private const int BatchesPerCycle = 6;
    private const int EventsPerBatch = 50;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditgrid-cluster", Guid.NewGuid().ToString("N"));
    private readonly SiloProcess?[] _silos = new SiloProcess?[3];
    private readonly (int Http, int Silo, int Gateway)[] _ports = new (int, int, int)[3];
    private string _database = "";

    /// <summary>Failure detection tuned for a test on one machine: 2 s probes, 2 missed probes (docs/deploy.md has the production values).</summary>
    private static readonly string[] Membership =
    [
        "--Cluster:Membership:ProbeTimeout=00:00:02",
        "--Cluster:Membership:NumMissedProbesLimit=2",
        "--Cluster:Membership:TableRefreshTimeout=00:00:02",
        "--Cluster:Membership:IAmAliveTablePublishTimeout=00:00:05",
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = await PostgresServer.NewDatabase();
        for (var i = 0; i < 3; i++) _ports[i] = (SiloProcess.FreePort(), SiloProcess.FreePort(), SiloProcess.FreePort());
        await Task.WhenAll(Enumerable.Range(0, 3).Select(Start));
    }

    private async Task Start(int i)
    {
        var (http, silo, gateway) = _ports[i];
        _silos[i] = await SiloProcess.Start(_folder, GridHost.Now,
        [
            "--Storage:Provider=postgres", $"--Storage:ConnectionString={_database}", "--Cluster:Mode=adonet",
            $"--Cluster:SiloPort={silo}", $"--Cluster:GatewayPort={gateway}", .. Membership,
        ], http);
    }

    public async Task DisposeAsync()
    {
        foreach (var s in _silos) if (s is not null) await s.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Every_accepted_event_is_applied_exactly_once_through_five_kill_9_cycles()
    {
        var subjects = Enumerable.Range(0, 60).Select(_ => GridHost.NewEnterpriseId()).ToList();
        var accepted = new ConcurrentDictionary<string, string>(); // eventId → subject
        var pushesSeen = 0;
        await using var feed = new HubConnectionBuilder()
            .WithUrl(new Uri(_silos[0]!.Address, $"/hubs/grid?access_token={GridHost.Operator}")).WithAutomaticReconnect().Build();
        feed.On<JsonElement>("scoreChanged", _ => Interlocked.Increment(ref pushesSeen));
        await feed.StartAsync();
        var detection = new List<double>();

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            var victim = 1 + cycle % 2; // silo 0 keeps the SignalR client
            var pushesBefore = Volatile.Read(ref pushesSeen);
            var load = Enumerable.Range(0, BatchesPerCycle).Select(b => Task.Run(async () =>
            {
                var events = Enumerable.Range(0, EventsPerBatch).Select(k => new
                {
                    eventId = $"c{cycle}-b{b}-e{k}",
                    subjectKind = "enterprise",
                    subjectId = subjects[(cycle * 7 + b * EventsPerBatch + k) % subjects.Count],
                    indicator = "E-PEN-NOTICE",
                    occurredAt = "2026-11-02",
                    actionRef = $"c{cycle}-b{b}-e{k}",
                }).ToList();
                await Task.Delay(b * 150);
                // Spread over the three endpoints; a request to a dead silo fails and its events were never accepted.
                var silo = _silos[b % 3];
                try
                {
                    var response = await silo!.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
                    if (response.StatusCode != HttpStatusCode.MultiStatus) return;
                    var results = (await response.Body()).GetProperty("results").EnumerateArray().ToList();
                    for (var k = 0; k < results.Count; k++)
                        if (results[k].GetProperty("statusCode").GetInt32() == 202) accepted[events[k].eventId] = events[k].subjectId;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
            })).ToList();

            await Task.Delay(300); // mid-load
            var killedAt = Stopwatch.StartNew();
            _silos[victim]!.KillHard();
            await Task.WhenAll(load);

            // The survivors keep serving: a fresh event through each of them is accepted and applied.
            foreach (var survivor in new[] { 0, 3 - victim })
            {
                var probe = $"probe-{cycle}-{survivor}";
                var subject = subjects[cycle % subjects.Count];
                var sw = Stopwatch.StartNew();
                var response = await _silos[survivor]!.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(new
                {
                    eventId = probe, subjectKind = "enterprise", subjectId = subject, indicator = "E-PEN-NOTICE", occurredAt = "2026-11-02", actionRef = probe,
                }));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                accepted[probe] = subject;
                await WaitApplied(_silos[survivor]!, probe, TimeSpan.FromSeconds(90));
                detection.Add(killedAt.Elapsed.TotalSeconds);
                output.WriteLine($"cycle {cycle}: silo {victim} killed; silo {survivor} applied a new event {killedAt.Elapsed.TotalSeconds:F1} s after the kill");
            }
            // A change made after the kill reaches the client on silo 0.
            await Eventually(() => Volatile.Read(ref pushesSeen) > pushesBefore, TimeSpan.FromSeconds(30));

            var dead = _silos[victim]!;
            await dead.DisposeAsync();
            await Start(victim); // the pod comes back
        }

        // Every 202 is applied, exactly once.
        output.WriteLine($"{accepted.Count} events accepted over {Cycles} kill cycles");
        foreach (var eventId in accepted.Keys) await WaitApplied(_silos[0]!, eventId, TimeSpan.FromSeconds(120));
        var operatorClient = _silos[0]!.Client(GridHost.Operator);
        foreach (var group in accepted.GroupBy(a => a.Value))
        {
            var subject = await (await operatorClient.GetAsync($"/api/v1/subjects/enterprise/{group.Key}")).Body();
            var eventIds = subject.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("eventId").GetString()).ToList();
            Assert.Equal(eventIds.Count, eventIds.Distinct().Count());
            Assert.Equal(group.Select(g => g.Key).Order(), eventIds.Where(group.Select(g => g.Key).Contains).Order());
            Assert.Equal(group.Count(), eventIds.Count(e => accepted.ContainsKey(e!)));
        }
        Assert.True(accepted.Count > Cycles * EventsPerBatch, $"only {accepted.Count} events were accepted");
        output.WriteLine($"time from kill to a survivor applying a new event: max {detection.Max():F1} s, mean {detection.Average():F1} s");
    }

    private static async Task WaitApplied(SiloProcess silo, string eventId, TimeSpan within)
    {
        var client = silo.Client(GridHost.CreditCenter);
        var sw = Stopwatch.StartNew();
        string? status = null;
        while (sw.Elapsed < within)
        {
            try
            {
                var response = await client.GetAsync($"/api/v1/events/{eventId}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    status = (await response.Body()).GetProperty("status").GetString();
                    if (status == "applied") return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"event {eventId} was not applied within {within.TotalSeconds} s (last status {status})");
    }

    private static async Task Eventually(Func<bool> condition, TimeSpan within)
    {
        var sw = Stopwatch.StartNew();
        while (!condition() && sw.Elapsed < within) await Task.Delay(100);
        Assert.True(condition(), "condition not met in time");
    }
}
