using System.Net;
using System.Net.Sockets;

namespace CreditGrid.Api.Tests;

/// <summary>A host with the production cap: one review per address per merchant per day (RateLimits:ReviewsPerMerchantPerDay).</summary>
public sealed class OneReviewGridHost : GridHost
{
    protected override int ReviewsPerMerchantPerDay => 1;
}

/// <summary>Issue 15 item 6: one address reviews one merchant once a day, so it cannot move the 示范店 top 10 (§7).</summary>
public class ReviewLimitTests(OneReviewGridHost grid) : IClassFixture<OneReviewGridHost>
{
    /// <summary>A client whose connections come from another loopback address (Linux routes all of 127.0.0.0/8 to lo).</summary>
    private HttpClient From(string address) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = grid.BaseAddress };

    private async Task<string[]> Exemplary(string street) =>
        [.. (await (await grid.Client().GetAsync($"/api/v1/merchants/exemplary?street={Uri.EscapeDataString(street)}")).Body())
            .EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Ten_reviews_from_one_address_do_not_move_the_exemplary_top_ten()
    {
        var street = "评价街" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var id = GridHost.NewEnterpriseId();
            Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = $"评价测试店{i}", street })).StatusCode);
            await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });
            ids.Add(id);
        }
        // Ten shops rated 4 stars, the eleventh 3 stars: the eleventh is outside the top ten.
        for (var i = 0; i < 11; i++)
            Assert.Equal(HttpStatusCode.Created, (await grid.Client().PostAsync($"/api/v1/merchants/{ids[i]}/reviews", Calls.Json(new { stars = i < 10 ? 4 : 3 }))).StatusCode);
        string[] before = [];
        for (var i = 0; i < 200; i++) // the street follows its merchants a moment after the events apply
        {
            before = await Exemplary(street);
            if (before.Length == 10 && !before.Contains(ids[10])) break;
            await Task.Delay(50);
        }
        Assert.Equal(ids.Take(10).Order(StringComparer.Ordinal), before.Order(StringComparer.Ordinal));

        // The same address gives the eleventh shop ten five-star reviews: without the cap its average would be 4.8.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
            answers.Add(await grid.Client().PostAsync($"/api/v1/merchants/{ids[10]}/reviews", Calls.Json(new { stars = 5, text = "好" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        var problem = await answers[0].Body();
        Assert.Contains("每天对同一商户最多评价1次", problem.GetProperty("detail").GetString());
        var english = await grid.Client().SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/merchants/{ids[10]}/reviews")
            { Content = Calls.Json(new { stars = 5 }), Headers = { { "Accept-Language", "en" } } });
        Assert.Contains("a day", (await english.Body()).GetProperty("detail").GetString());

        await Task.Delay(300); // the board follows its merchants a moment after a change: give a wrong change time to show
        Assert.Equal(before, await Exemplary(street));
        var page = await grid.Client().GetStringAsync($"/m/{ids[10]}");
        Assert.Contains("平均 3.0 星，共 1 条", page);

        // Another address may still review the shop, once.
        using var neighbour = From("127.0.0.2");
        Assert.Equal(HttpStatusCode.Created, (await neighbour.PostAsync($"/api/v1/merchants/{ids[10]}/reviews", Calls.Json(new { stars = 5 }))).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await neighbour.PostAsync($"/api/v1/merchants/{ids[10]}/reviews", Calls.Json(new { stars = 5 }))).StatusCode);
    }

    [Fact]
    public async Task The_review_form_works_without_JavaScript_masks_a_phone_number_and_its_second_review_is_a_Chinese_429_page_even_after_a_restart()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "表单评价店", street = "水晶街" });
        using var form = From("127.0.0.3");
        var page = await (await form.GetAsync($"/m/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"action=\"/m/{id}/reviews\"", page);
        Assert.Contains($"href=\"/credit/enterprise/{id}\"", page);

        var sent = await form.PostAsync($"/m/{id}/reviews", new FormUrlEncodedContent([new("stars", "5"), new("text", "老板人好，电话13912345678")]));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/m/{id}?review=submitted", sent.Headers.Location!.ToString());
        var shown = await (await form.GetAsync(sent.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("评价已提交", shown);
        Assert.Contains("老板人好，电话139****5678", shown);
        Assert.DoesNotContain("13912345678", shown);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await form.PostAsync($"/m/{id}/reviews", new FormUrlEncodedContent([new("stars", "9")]))).StatusCode);

        await grid.Restart(); // the cap is in the merchant's persisted state, not in memory
        using var again = From("127.0.0.3");
        var second = await again.PostAsync($"/m/{id}/reviews", new FormUrlEncodedContent([new("stars", "1")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("text/html", second.Content.Headers.ContentType?.MediaType);
        var text = await second.Content.ReadAsStringAsync();
        Assert.Contains("请求过于频繁", text);
        Assert.Contains("每天对同一商户最多评价1次", text);
        Assert.Contains("平均 5.0 星，共 1 条", await (await again.GetAsync($"/m/{id}")).Content.ReadAsStringAsync());
    }
}
