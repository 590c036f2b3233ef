using System.Net;
using CreditGrid.Core.Identifiers;
using Orleans;
using Orleans.Runtime;

namespace CreditGrid.Api.Tests;

/// <summary>
/// The public merchant page and the anonymous reads (issue 11 items 10 and 12): consumer text is masked, and random
/// ids answer 404 without leaving grains behind.
/// </summary>
public class PublicPageTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task IDs_and_mobile_numbers_typed_into_complaints_and_reviews_are_masked_on_the_public_page()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "脱敏测试店", street = "水晶街" });
        var resident = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints",
            Calls.Json(new { text = $"我是{resident}，电话13812345678，被多收钱", contact = "13900000000" }))).StatusCode);
        using var form = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = grid.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync($"/m/{id}/complaints",
            new FormUrlEncodedContent([new("text", "请联系１５９１２３４５６７８"), new("contact", "")]))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/reviews",
            Calls.Json(new { stars = 2, text = $"身份证{resident}被登记了" }))).StatusCode);

        var html = await grid.Client().GetStringAsync($"/m/{id}");
        Assert.DoesNotContain(resident, html);
        Assert.DoesNotContain("13812345678", html);
        Assert.DoesNotContain("13900000000", html); // the contact is never public
        Assert.DoesNotContain("１５９１２３４５６７８", html);
        Assert.Contains(ResidentId.Mask(resident), html);
        Assert.Contains("138****5678", html);
        Assert.Contains("１５９****５６７８", html);
        Assert.Contains("被多收钱", html);
    }

    [Fact]
    public async Task Thousands_of_anonymous_reads_of_unknown_ids_answer_404_and_leave_no_grains_behind()
    {
        var management = grid.Service<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var known = GridHost.NewEnterpriseId(); // the directory and a street exist, as in a running grid
        await grid.Register("merchant", known, new { name = "目录测试店", street = "水晶街" });
        using var client = grid.Client();
        await client.GetAsync("/api/v1/merchants/board?street=水晶街");
        var before = await management.GetTotalActivationCount();

        var paths = new Func<string, string>[]
        {
            r => $"/api/v1/merchants/exemplary?street={r}", r => $"/api/v1/merchants/board?street={r}",
            r => $"/m/{r}", r => $"/m/{r}/qr.png", r => $"/m/{GridHost.NewEnterpriseId()}",
        };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2_000; i += 20)
        {
            var batch = Enumerable.Range(i, 20).Select(n => client.GetAsync(paths[n % paths.Length](Guid.NewGuid().ToString("N"))));
            statuses.AddRange((await Task.WhenAll(batch)).Select(r => r.StatusCode));
        }
        foreach (var n in Enumerable.Range(0, 20)) // public writes to unknown merchants, too
        {
            var unknown = GridHost.NewEnterpriseId();
            statuses.Add((await client.PostAsync($"/api/v1/merchants/{unknown}/complaints", Calls.Json(new { text = "x" }))).StatusCode);
            statuses.Add((await client.PostAsync($"/api/v1/merchants/{unknown}/reviews", Calls.Json(new { stars = 3 }))).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
        var after = await management.GetTotalActivationCount();
        Assert.True(after - before <= 5, $"{after - before} grains activated by 2,040 requests for unknown ids");
    }
}

/// <summary>A host allowing 5 anonymous reads a minute from one address.</summary>
public sealed class LowReadLimitGridHost : GridHost
{
    protected override int AnonymousReadLimit => 5;
}

public class AnonymousReadLimitTests(LowReadLimitGridHost grid) : IClassFixture<LowReadLimitGridHost>
{
    [Fact]
    public async Task Anonymous_reads_beyond_the_limit_are_429_in_Chinese_and_keyed_reads_and_health_are_not_limited()
    {
        using var client = grid.Client();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/merchants/streets")).StatusCode);

        var limited = await client.GetAsync("/api/v1/merchants/streets");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过于频繁", (await limited.Body()).GetProperty("title").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);

        var page = await client.GetAsync($"/m/{GridHost.NewEnterpriseId()}"); // a browser page: an HTML answer
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过于频繁", await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Operator).GetAsync("/api/v1/merchants/streets")).StatusCode);
        foreach (var open in new[] { "/healthz", "/readyz", "/openapi/v1.json", "/lib/signalr/signalr.min.js" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(open)).StatusCode);
    }
}
