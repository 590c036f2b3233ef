using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Console;

/// <summary>Issue 13 item 4: the board puts attention first and fits a laptop screen; item 6: the emergency panel's labels.</summary>
public class ConsoleBoardTests(GridHost grid) : IClassFixture<GridHost>
{
    private static int _streets;

    /// <summary>A street of its own (the fixture is shared by the class) with <paramref name="count"/> merchants.</summary>
    private async Task<(string Street, List<string> Ids)> Street(int count)
    {
        var street = $"测试街{Interlocked.Increment(ref _streets)}{Guid.NewGuid().ToString("N")[..4]}";
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = GridHost.NewEnterpriseId();
            Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = $"街边第{i + 1}号小吃店", street })).StatusCode);
            ids.Add(id);
        }
        return (street, ids);
    }

    [Fact]
    public async Task A_merchant_turning_black_comes_first_and_every_tile_stays_on_a_1366x768_screen_with_60_merchants()
    {
        var (street, ids) = await Street(60);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator, street);
        await Assertions.Expect(page.Locator("#tiles .tile")).ToHaveCountAsync(60, new() { Timeout = 10_000 });
        var fit = await ConsoleBrowser.BoardFit(page);
        Assert.Equal(new ConsoleBrowser.Fit(60, 0, false, false, "blue"), fit);

        var last = ids[^1];
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/merchants/{last}/expel", null)).StatusCode);
        var tile = page.Locator($".tile[data-merchant-id='{last}']");
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-color", "black", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#tiles .tile").First).ToHaveAttributeAsync("data-merchant-id", last);
        await Assertions.Expect(tile).ToBeInViewportAsync(new() { Ratio = 1 });
        // the targets are the server's: one black merchant misses "黑名单为零"
        await Assertions.Expect(page.Locator("#target-black")).ToHaveAttributeAsync("data-met", "false");
        await Assertions.Expect(page.Locator("#count-black")).ToHaveTextAsync("1");
        await ConsoleBrowser.Screenshot(page, "board-black-first.png");

        // an incident open takes the top of the work column; the board still fits
        var incident = "board-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await grid.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(new
        {
            incidentId = incident, title = "某商场储罐泄漏", type = "危险化学品事故", severity = "一般",
            occurredAt = GridHost.Now.AddHours(-1).ToString("O"), location = "水晶街某商场",
        }))).StatusCode);
        await Assertions.Expect(page.Locator($".incident[data-incident-id='{incident}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(300);
        fit = await ConsoleBrowser.BoardFit(page);
        Assert.Equal(new ConsoleBrowser.Fit(60, 0, false, false, "black"), fit);
        await page.WaitForTimeoutAsync(2000); // the flash settles for the picture
        await ConsoleBrowser.Screenshot(page, "board-with-incident.png");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task At_390_px_wide_the_count_boxes_and_the_page_do_not_overflow_sideways()
    {
        var (street, _) = await Street(12);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator, street, 390, 844);
        await Assertions.Expect(page.Locator("#tiles .tile")).ToHaveCountAsync(12, new() { Timeout = 10_000 });
        var overflow = await page.EvaluateAsync<System.Text.Json.JsonElement>(@"() => ({
            page: document.documentElement.scrollWidth - innerWidth,
            boxes: [...document.querySelectorAll('.count, .count > *')].filter(b => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > innerWidth).length })");
        Assert.True(overflow.GetProperty("page").GetInt32() <= 0, $"the page is {overflow.GetProperty("page").GetInt32()} px wider than the phone");
        Assert.Equal(0, overflow.GetProperty("boxes").GetInt32());
        await ConsoleBrowser.Screenshot(page, "phone-390.png");
    }

    [Fact]
    public async Task Deadline_labels_are_whole_and_an_overdue_deadline_shows_its_date_and_time()
    {
        var id = "late-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await grid.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(new
        {
            incidentId = id, title = "某化工企业储罐泄漏", type = "危险化学品事故", severity = "重大", // 重大 and above have release deadlines
            occurredAt = GridHost.Now.AddHours(-30).ToString("O"), location = "张店区化工园区",
        }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Emergency).PostAsync($"/api/v1/emergencies/{id}/response", Calls.Json(new { level = 2 }))).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator);
        var incident = page.Locator($".incident[data-incident-id='{id}']");
        var release = incident.Locator(".deadline[data-kind='authoritative']");
        await Assertions.Expect(release).ToHaveAttributeAsync("data-overdue", "true", new() { Timeout = 10_000 });
        await Assertions.Expect(release.Locator(".deadline-countdown")).ToContainTextAsync("已超时");
        // "时限 11月27日 01:00": the date, not the bare time (the deadline was yesterday)
        await Assertions.Expect(release.Locator(".deadline-due")).ToHaveTextAsync(new Regex(@"时限 \d{1,2}月\d{1,2}日 \d{2}:\d{2}"));
        foreach (var label in await incident.Locator(".deadline-label").AllAsync())
        {
            var whole = await label.EvaluateAsync<bool>("l => l.scrollWidth <= l.clientWidth + 1 && !l.textContent.includes('…')");
            Assert.True(whole, "a deadline label is cut: " + await label.TextContentAsync());
        }
        var text = await page.Locator("#emergency-panel").InnerTextAsync();
        Assert.DoesNotMatch(new Regex(@"system|[（(]L\d+[)）]", RegexOptions.IgnoreCase), text);
        await incident.ClickAsync();
        await Assertions.Expect(page.Locator("#emergency-resources")).ToHaveAttributeAsync("data-state", "loaded");
        await page.WaitForTimeoutAsync(2500);
        await ConsoleBrowser.Screenshot(page, "emergency-overdue.png");
    }
}
