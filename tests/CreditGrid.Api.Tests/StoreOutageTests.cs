using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace CreditGrid.Api.Tests;

/// <summary>
/// http-api Conventions: "A transient outage of the store is 503 with Retry-After, never 500"; /readyz is 503 while
/// writes cannot commit (issue 11 item 5).
/// </summary>
public static class Outage
{
    public static async Task AssertStoreUnavailable(HttpResponseMessage response, string english = "")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}: {text}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(english.Length > 0 ? english : "存储暂不可用", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Exception", text);
    }

    /// <summary>/readyz shares one probe per second: ask until it answers <paramref name="expected"/> (at most 10 s).</summary>
    public static async Task<JsonElement> Readyz(GridHost grid, HttpStatusCode expected)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            var response = await grid.Client().GetAsync("/readyz");
            var body = await response.Body();
            if (response.StatusCode == expected) return body;
            if (sw.Elapsed > TimeSpan.FromSeconds(10)) throw new Xunit.Sdk.XunitException($"/readyz stayed {(int)response.StatusCode}: {body}");
            await Task.Delay(200);
        }
    }
}

public sealed class PostgresOutageTests(PostgresGridHost grid) : IClassFixture<PostgresGridHost>
{
    private async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task While_PostgreSQL_refuses_connections_writes_are_503_with_Retry_After_and_readyz_is_503_and_both_recover()
    {
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", enterprise, new { name = "停机测试公司" })).StatusCode);
        await Outage.Readyz(grid, HttpStatusCode.OK);

        // The database goes away: no new connections, and every open one (the pools' too) is cut.
        var database = new NpgsqlConnectionStringBuilder(grid.ConnectionString).Database!;
        await Admin($"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        try
        {
            await Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");

            // A write through the intake log (plain SQL) and one through a grain's state (Orleans' ADO.NET storage).
            var fine = Calls.Fine(enterprise);
            await Outage.AssertStoreUnavailable(await grid.Push(fine));
            await Outage.AssertStoreUnavailable(await grid.Register("person", GridHost.NewPersonId(), new { name = "停机", registeredAt = "2026-01-05" }));
            var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = Calls.Json(Calls.Fine(enterprise)) };
            english.Headers.AcceptLanguage.ParseAdd("en");
            await Outage.AssertStoreUnavailable(await grid.Client(GridHost.Reporter).SendAsync(english), "Storage temporarily unavailable");

            var ready = await Outage.Readyz(grid, HttpStatusCode.ServiceUnavailable);
            Assert.False(ready.GetProperty("storage").GetBoolean());
        }
        finally
        {
            await Admin($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        }

        // Back: ready again, and the same write is accepted and applied.
        await Outage.Readyz(grid, HttpStatusCode.OK);
        var sw = Stopwatch.StartNew();
        HttpResponseMessage again;
        while ((again = await grid.Push(Calls.Fine(enterprise))).StatusCode != HttpStatusCode.Accepted && sw.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(200);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var eventId = (await again.Body()).GetProperty("eventId").GetString()!;
        await grid.WaitFor(eventId, "applied");
    }
}

/// <summary>The embedded database capped at 1 MB (Storage:SqliteMaxMegabytes): SQLite reports SQLITE_FULL when it would grow past it, as on a full disk.</summary>
public sealed class SmallDiskGridHost : GridHost
{
    // Always SQLite, also in the PostgreSQL pass of the suite: the cap is the embedded store's.
    protected override Task<string[]> StorageArguments() =>
        Task.FromResult<string[]>([$"--Storage:ConnectionString=Data Source={Path.Combine(Folder, "creditgrid.db")}", "--Storage:SqliteMaxMegabytes=1"]);
}

public sealed class FullDiskTests(SmallDiskGridHost grid) : IClassFixture<SmallDiskGridHost>
{
    [Fact]
    public async Task When_SQLite_is_full_a_write_is_503_with_Retry_After_stores_nothing_and_readyz_is_503()
    {
        await Outage.Readyz(grid, HttpStatusCode.OK);
        var enterprise = GridHost.NewEnterpriseId();
        HttpResponseMessage? full = null;
        List<string> lastBatch = [];
        for (var round = 0; round < 40 && full is null; round++)
        {
            lastBatch = [.. Enumerable.Range(0, 500).Select(_ => GridHost.NewEventId())];
            var events = lastBatch.Select(id => Calls.Fine(enterprise, id, actionRef: "张市监罚〔2026〕" + id)).ToList();
            var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) full = response;
            else Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        }
        Assert.NotNull(full);
        await Outage.AssertStoreUnavailable(full);

        // The refused batch stored nothing: its events are unknown.
        var status = await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{lastBatch[0]}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);

        var ready = await Outage.Readyz(grid, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("full", ready.GetProperty("storageProblem").GetString());
    }
}
