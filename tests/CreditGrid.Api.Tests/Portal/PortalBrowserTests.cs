using System.Diagnostics;
using System.Net;
using CreditGrid.Api.Tests.Console;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Portal;

/// <summary>
/// 信用张店 in Chromium, phone (390×844) and desktop (1366×768), server-rendered pages without JavaScript: look up an
/// enterprise by part of its name and open its page; a severe-list event puts it on the black list within 2 s and
/// revoking the record takes it off.
/// </summary>
public sealed class PortalBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    private static async Task<bool> ScrollsSideways(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > innerWidth + 1");

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Looking_up_an_enterprise_by_part_of_its_name_opens_its_page_with_grade_category_and_cited_records_and_no_score(int width, int height)
    {
        var tag = PortalTests.Tag(4);
        var name = "张店" + tag + "商贸有限公司";
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name })).StatusCode);
        var fine = await grid.PushApplied(Calls.Fine(id, actionRef: "张市监罚〔2026〕" + tag));
        var view = await grid.Subject("enterprise", id);

        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Plain(new Uri(grid.BaseAddress, "/credit"), width, height);
        await page.FillAsync("#q", tag[1..]);
        await page.ClickAsync("form.lookup button[type=submit]");
        var hit = page.Locator("li.hit", new() { HasText = name });
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit.Locator(".grade")).ToContainTextAsync(view.GetProperty("grade").GetString()! + " 级");
        Assert.False(await ScrollsSideways(page));
        await ConsoleBrowser.Screenshot(page, $"portal-lookup-{width}.png");

        await hit.Locator("a.hit-name").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator(".facts .grade")).ToContainTextAsync(view.GetProperty("grade").GetString()! + " 级");
        await Assertions.Expect(page.Locator(".facts .category")).ToHaveTextAsync(view.GetProperty("category").GetString()!);
        var record = page.Locator($"li.record[data-record=\"{fine.GetProperty("recordIds")[0].GetString()}\"]");
        await Assertions.Expect(record).ToContainTextAsync("张市监罚〔2026〕" + tag);
        await Assertions.Expect(record.Locator(".citation")).ToContainTextAsync("《张店区市场主体公共信用评价管理办法（试行）》");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain(view.GetProperty("score").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) + " 分", text);
        Assert.DoesNotContain("得分", text);
        Assert.False(await ScrollsSideways(page));
        await ConsoleBrowser.Screenshot(page, $"portal-subject-{width}.png");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task A_severe_list_event_puts_the_enterprise_on_the_black_list_page_within_two_seconds_and_revoking_takes_it_off(int width, int height)
    {
        var name = PortalTests.Tag(4) + "食品有限公司";
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Plain(new Uri(grid.BaseAddress, "/credit/lists/black"), width, height);
        var row = page.Locator($"li.list-item[data-id=\"{id}\"]");
        Assert.Equal(0, await row.CountAsync());

        var applied = await grid.PushApplied(Calls.Fine(id, indicator: "E-SEVERE-FOOD-DRUG", occurredAt: "2026-11-21"));
        var clock = Stopwatch.StartNew();
        await ReloadUntil(page, () => row.CountAsync(), 1);
        var seen = clock.Elapsed;
        Assert.True(seen <= TimeSpan.FromSeconds(2), $"on the black list page after {seen.TotalMilliseconds:F0} ms");
        await Assertions.Expect(row).ToContainTextAsync(name);
        await Assertions.Expect(row).ToContainTextAsync("严重失信主体名单");
        await Assertions.Expect(row).ToContainTextAsync("2026-11-21");
        Assert.False(await ScrollsSideways(page));
        await ConsoleBrowser.Screenshot(page, $"portal-black-{width}.png");

        var record = applied.GetProperty("recordIds")[0].GetString();
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "认定撤销" }))).StatusCode);
        clock.Restart();
        await ReloadUntil(page, () => row.CountAsync(), 0);
        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(2), $"still on the black list page after {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>The page works without JavaScript: the reader reloads it (at most 2 s, then the caller's assertion fails).</summary>
    private static async Task ReloadUntil(IPage page, Func<Task<int>> count, int expected)
    {
        var clock = Stopwatch.StartNew();
        while (await count() != expected && clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(100);
            await page.ReloadAsync();
        }
        Assert.Equal(expected, await count());
    }
}
