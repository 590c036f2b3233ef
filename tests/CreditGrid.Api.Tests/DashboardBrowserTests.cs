using System.Net;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests;

/// <summary>
/// The operator dashboard in real Chromium (Debian's /usr/bin/chromium, installed by .ci/run): enter the key, push a
/// finding over the API, see the merchant's tile turn yellow. Screenshots go to screenshots/ in the test output.
/// </summary>
public class DashboardBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    [Fact]
    public async Task A_finding_pushed_over_the_API_turns_the_tile_yellow_in_the_browser()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "浏览器测试店", street = "水晶街" })).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) consoleErrors.Add(m.Text); }; // a 4xx answer is no page error

        await page.GotoAsync(grid.BaseAddress.ToString());
        await page.FillAsync("#operator-key", GridHost.Operator);
        await page.ClickAsync("#operator-key-submit");
        var tile = page.Locator($".tile[data-merchant-id='{id}']");
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-color", "blue");
        await Assertions.Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");

        var inspected = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "browser-1", date = "2026-11-27",
            findings = new[] { new { findingId = "browser-f1", area = "食品安全", problem = "冷藏温度不达标", deadline = "2026-12-04" } },
        }));
        Assert.Equal(HttpStatusCode.Created, inspected.StatusCode);

        await Assertions.Expect(tile).ToHaveAttributeAsync("data-color", "yellow", new() { Timeout = 10_000 });
        await Assertions.Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("color-yellow"));
        await page.WaitForTimeoutAsync(1500); // let the highlight animation settle for the picture
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "dashboard-tile-yellow.png") });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_level_2_response_to_a_major_incident_appears_in_the_panel_with_both_countdowns()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await page.GotoAsync(grid.BaseAddress.ToString());
        await page.FillAsync("#operator-key", GridHost.Operator);
        await page.ClickAsync("#operator-key-submit");
        await Assertions.Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected");

        var id = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var emergency = grid.Client(GridHost.Emergency);
        Assert.Equal(HttpStatusCode.Created, (await emergency.PostAsync("/api/v1/emergencies", Calls.Json(new
        {
            incidentId = id, title = "某化工园区储罐泄漏", type = "危险化学品事故", severity = "重大",
            occurredAt = GridHost.Now.AddHours(-1).ToString("O"), location = "张店区化工园区",
        }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await emergency.PostAsync($"/api/v1/emergencies/{id}/response", Calls.Json(new { level = 2 }))).StatusCode);

        var incident = page.Locator($".incident[data-incident-id='{id}']");
        await Assertions.Expect(incident).ToHaveAttributeAsync("data-response-level", "2", new() { Timeout = 10_000 });
        await Assertions.Expect(incident).ToHaveAttributeAsync("data-severity", "重大");
        await Assertions.Expect(incident.Locator(".inc-commander")).ToContainTextAsync("常务副区长");
        await Assertions.Expect(incident.Locator(".deadline[data-kind='authoritative'] .deadline-countdown")).ToContainTextAsync("剩余");
        await Assertions.Expect(incident.Locator(".deadline[data-kind='press-conference'] .deadline-countdown")).ToContainTextAsync("剩余");
        await incident.ClickAsync();
        await Assertions.Expect(page.Locator("#emergency-resources")).ToHaveAttributeAsync("data-state", "loaded");
        await page.WaitForTimeoutAsync(2500); // let the highlight settle for the picture
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "emergency-panel.png") });
    }

    [Fact]
    public async Task The_merchant_page_takes_a_complaint_without_JavaScript()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "无脚本测试店", street = "水晶街" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 400, Height = 860 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(grid.BaseAddress, $"/m/{id}").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无脚本测试店");
        await page.FillAsync("#complaint-text", "找零不足");
        await page.ClickAsync("#complaint-submit");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("投诉已提交");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("找零不足");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "merchant-page.png"), FullPage = true });
    }
}
