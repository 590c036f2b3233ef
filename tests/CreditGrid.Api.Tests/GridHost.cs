using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreditGrid.Core.Identifiers;
using CreditGrid.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Tests;

/// <summary>The real host on a free loopback port over a real SQLite file in a temp folder, started once per test class.</summary>
public class GridHost : IAsyncLifetime
{
    public const string Reporter = "key-reporter-scj";
    public const string TaxReporter = "key-reporter-tax";
    public const string CreditCenter = "key-credit-center";
    public const string Operator = "key-operator";
    public const string Emergency = "key-emergency";
    /// <summary>An operator who is also the credit centre: the console offers it the queue actions (verdicts, objections).</summary>
    public const string ConsoleCenter = "key-console-center";
    /// <summary>An operator who reports for the tax office: another department than the complaint's verdict (403 on resolve).</summary>
    public const string ConsoleTax = "key-console-tax";
    public const string ReporterDepartment = "区市场监管局";

    /// <summary>The host runs on a fixed clock (Clock:Now) so the tests mean the same on any day: 2026-11-28 10:00 in Zhangdian.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private static int _next;
    private WebApplication? _app;
    private string[]? _storage;

    /// <summary>Public writes allowed per minute from one address (all tests come from 127.0.0.1).</summary>
    protected virtual int RateLimit => 10_000;

    /// <summary>Anonymous GETs allowed per minute from one address, and open complaints per merchant a day from one address.</summary>
    protected virtual int AnonymousReadLimit => 100_000;
    protected virtual int ComplaintsPerMerchantPerDay => 1_000;
    protected virtual int ReviewsPerMerchantPerDay => 1_000;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "creditgrid-tests", Guid.NewGuid().ToString("N"));
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>CREDITGRID_TEST_STORE=postgres runs the whole suite on PostgreSQL (.ci/run does both, as Orleans' provider tests do).</summary>
    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("CREDITGRID_TEST_STORE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the host keeps its state: a SQLite file in the temp folder, or a fresh PostgreSQL database, unless a subclass says otherwise.</summary>
    protected virtual async Task<string[]> StorageArguments() =>
        OnPostgres
            ? ["--Storage:Provider=postgres", $"--Storage:ConnectionString={await PostgresServer.NewDatabase()}"]
            : [$"--Storage:ConnectionString=Data Source={Path.Combine(Folder, "creditgrid.db")}"];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        _app = await CreditGridHost.BuildAsync([
            "--urls", "http://127.0.0.1:0",
            .. _storage ??= await StorageArguments(),
            "--Logging:LogLevel:Default=Warning",
            "--Scheduling:SweepSeconds=0.2",
            $"--RateLimits:PublicPerMinute={RateLimit}",
            $"--RateLimits:AnonymousReadsPerMinute={AnonymousReadLimit}",
            $"--RateLimits:ComplaintsPerMerchantPerDay={ComplaintsPerMerchantPerDay}",
            $"--RateLimits:ReviewsPerMerchantPerDay={ReviewsPerMerchantPerDay}",
            $"--Clock:Now={Now:O}",
            .. Key(0, Reporter, ReporterDepartment, "reporter"),
            .. Key(1, TaxReporter, "区税务局", "reporter"),
            .. Key(2, CreditCenter, "区社会信用中心", "credit-center"),
            .. Key(3, Operator, "区社会信用中心", "operator"),
            .. Key(4, Emergency, "区应急管理局", "emergency"),
            .. Key(5, ConsoleCenter, "区社会信用中心", "operator"), $"--Auth:ApiKeys:5:Roles:1=credit-center",
            .. Key(6, ConsoleTax, "区税务局", "operator"), $"--Auth:ApiKeys:6:Roles:1=reporter",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    private static string[] Key(int i, string key, string department, string role) =>
        [$"--Auth:ApiKeys:{i}:Key={key}", $"--Auth:ApiKeys:{i}:Department={department}", $"--Auth:ApiKeys:{i}:Roles:0={role}"];

    public T Service<T>() where T : notnull => _app!.Services.GetRequiredService<T>();

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Stops the host and starts it again on the same data (same SQLite file or PostgreSQL database).</summary>
    public async Task Restart()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
        await InitializeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A fresh valid unified social credit code.</summary>
    public static string NewEnterpriseId() => UnifiedSocialCreditCode.Complete($"91370303{Interlocked.Increment(ref _next) + 10000000:D8}");

    /// <summary>A fresh valid resident ID of an adult born 1990-01-01.</summary>
    public static string NewPersonId() => ResidentId.Complete($"37030319900101{Interlocked.Increment(ref _next) % 1000:D3}");

    public static string NewEventId() => $"t-{Guid.NewGuid():N}";
}

/// <summary>Requests the tests make again and again, against the contract's shapes.</summary>
public static class Calls
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> Body(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> Register(this GridHost host, string kind, string id, object body) =>
        await host.Client(GridHost.CreditCenter).PutAsync($"/api/v1/subjects/{kind}/{id}", Json(body));

    public static async Task<HttpResponseMessage> Push(this GridHost host, object body, string key = GridHost.Reporter) =>
        await host.Client(key).PostAsync("/api/v1/events", Json(body));

    /// <summary>Pushes an event, expects 202, and waits until it is applied.</summary>
    public static async Task<JsonElement> PushApplied(this GridHost host, object body, string key = GridHost.Reporter)
    {
        var response = await host.Push(body, key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {text}");
        var eventId = JsonDocument.Parse(text).RootElement.GetProperty("eventId").GetString()!;
        return await host.WaitFor(eventId, "applied");
    }

    public static async Task<JsonElement> WaitFor(this GridHost host, string eventId, string status, string key = GridHost.CreditCenter)
    {
        var client = host.Client(key);
        JsonElement last = default;
        for (var i = 0; i < 200; i++)
        {
            last = await (await client.GetAsync($"/api/v1/events/{eventId}")).Body();
            if (last.GetProperty("status").GetString() == status) return last;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"event {eventId} never became {status}: {last}");
    }

    public static async Task<JsonElement> Subject(this GridHost host, string kind, string id, string? asOf = null)
    {
        var response = await host.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/{kind}/{id}{(asOf is null ? "" : "?asOf=" + asOf)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }

    public static object Fine(string enterpriseId, string? eventId = null, string indicator = "E-PEN-FINE-10K-100K", string occurredAt = "2026-10-02", string? actionRef = null) =>
        new { eventId = eventId ?? GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterpriseId, indicator, occurredAt, actionRef = actionRef ?? "张市监罚〔2026〕" + Guid.NewGuid().ToString("N")[..6] };
}
