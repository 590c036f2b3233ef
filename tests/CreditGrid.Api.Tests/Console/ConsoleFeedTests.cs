using System.Net;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Console;

/// <summary>Issue 13 item 5: the feed is the durable change log, so a reload shows the same lines again.</summary>
public class ConsoleFeedTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task The_feed_shows_a_change_live_with_its_department_and_again_after_a_reload()
    {
        var id = GridHost.NewEnterpriseId();
        var name = "动态测试" + Guid.NewGuid().ToString("N")[..4] + "有限公司";
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator);
        await grid.PushApplied(Calls.Fine(id));

        var line = page.Locator($"#ticker .ticker-item[data-change='score'][data-subject-ref='{id}']");
        await Assertions.Expect(line).ToContainTextAsync(name, new() { Timeout = 10_000 });
        await Assertions.Expect(line.Locator(".tk-dept")).ToHaveTextAsync(GridHost.ReporterDepartment);
        await page.WaitForTimeoutAsync(800); // the line's slide-in ends
        await ConsoleBrowser.Screenshot(page, "feed.png");

        await page.ReloadAsync();
        await ConsoleBrowser.Synced(page);
        await Assertions.Expect(line).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(line).ToContainTextAsync(name);
    }
}
