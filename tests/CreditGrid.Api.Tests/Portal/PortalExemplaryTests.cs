using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CreditGrid.Api.Tests.Portal;

/// <summary>
/// Issue 15 leftovers: each street's 诚信经营示范店 on the 诚信红榜 (domain-rules §9, "plus each street's 诚信经营示范店"),
/// a durable projection written with the street's state and rebuilt by rebuild-projections; versioned portal stylesheets.
/// </summary>
public sealed partial class PortalExemplaryTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<string> Merchant(string street, string name)
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name, street })).StatusCode);
        return id;
    }

    private Task Commend(string id) =>
        grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });

    private async Task<List<JsonElement>> Red()
    {
        var response = await grid.Client().GetAsync("/api/v1/public/lists/red?pageSize=500");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone())];
    }

    private async Task<JsonElement?> WaitFor(string id, bool present)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var item = (await Red()).Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("id").GetString() == id && i.Value.GetProperty("kind").GetString() == "merchant");
            if (item.HasValue == present || clock.Elapsed > TimeSpan.FromSeconds(5)) return item;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_red_merchant_in_its_streets_top_ten_is_on_the_red_list_as_a_demonstration_shop_until_it_leaves_the_top_ten()
    {
        var street = "示范街" + Guid.NewGuid().ToString("N")[..6];
        var shop = await Merchant(street, "示范测试店" + PortalTests.Tag(3));
        var plain = await Merchant(street, "普通测试店" + PortalTests.Tag(3));
        await Commend(shop);

        var item = await WaitFor(shop, present: true);
        Assert.True(item.HasValue, "the red merchant did not reach the red list within 5 s");
        Assert.Equal($"{street}诚信经营示范店（第 1 名）", item!.Value.GetProperty("reason").GetString());
        Assert.Equal("2026-11-28", item.Value.GetProperty("since").GetString());
        Assert.False(item.Value.TryGetProperty("score", out _)); // never a score on a public list
        Assert.Null(await WaitFor(plain, present: false)); // a blue merchant is no 示范店

        var html = await grid.Client().GetStringAsync("/credit/lists/red");
        Assert.Contains($"href=\"/m/{shop}\"", html);
        Assert.Contains($"{street}诚信经营示范店（第 1 名）", html);

        // A late rectification deadline turns it black: it leaves the top 10 and the red list.
        var late = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{shop}/inspections", Calls.Json(new
        {
            inspectionId = "x-1", date = "2026-11-10",
            findings = new[] { new { findingId = "x-f", area = "消防安全", problem = "灭火器过期", deadline = "2026-11-20" } },
        }));
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.Null(await WaitFor(shop, present: false));
    }

    [Fact]
    public async Task The_demonstration_shops_survive_a_restart_and_are_written_again_by_rebuild_projections()
    {
        var street = "重建街" + Guid.NewGuid().ToString("N")[..6];
        var first = await Merchant(street, "甲测试店" + PortalTests.Tag(3));
        var second = await Merchant(street, "乙测试店" + PortalTests.Tag(3));
        await Commend(first);
        await Commend(second);
        Assert.True((await WaitFor(second, present: true)).HasValue);

        await grid.Restart();
        var ranks = (await Red()).Where(i => i.GetProperty("kind").GetString() == "merchant" && i.GetProperty("reason").GetString()!.StartsWith(street))
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("reason").GetString());
        Assert.Equal(2, ranks.Count);

        await grid.Service<CreditGrid.Silo.Storage.Database>().Write(async (c, tx) =>
        {
            await using var wipe = CreditGrid.Silo.Storage.Database.Command(c, "DELETE FROM public_exemplary", tx);
            await wipe.ExecuteNonQueryAsync();
        });
        Assert.Null(await WaitFor(first, present: false));
        await CreditGrid.Silo.Storage.ProjectionRebuild.Run(grid.Service<IServiceProvider>());
        var rebuilt = (await Red()).Where(i => i.GetProperty("kind").GetString() == "merchant" && i.GetProperty("reason").GetString()!.StartsWith(street))
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("reason").GetString());
        Assert.Equal(ranks, rebuilt);
    }

    [Theory]
    [InlineData("/credit")]
    [InlineData("/credit/lists/red")]
    [InlineData("/credit/publicity")]
    [InlineData("/credit/commitments")]
    [InlineData("/credit/apply")]
    public async Task Every_portal_stylesheet_is_linked_with_its_content_version_so_it_can_be_cached(string path)
    {
        var html = await grid.Client().GetStringAsync(path);
        var links = StyleLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(links, l => l.StartsWith("/credit/portal.css?v=", StringComparison.Ordinal));
        foreach (var href in links)
        {
            Assert.Matches("\\?v=[0-9a-f]{12}$", href);
            var css = await grid.Client().GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl?.MaxAge);
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]*)\"")]
    private static partial Regex StyleLink();
}
