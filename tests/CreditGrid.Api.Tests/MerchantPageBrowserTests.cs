using CreditGrid.Api.Tests.Console;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests;

/// <summary>Issue 15 item 6 in Chromium: the merchant page inside the portal shell, under its strict CSP, on a phone and a desk.</summary>
public class MerchantPageBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task A_review_given_with_the_pages_form_shows_masked_and_the_page_is_styled_under_its_CSP_without_errors(int width, int height)
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = $"浏览器评价店{width}", street = "水晶街" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>(); // a CSP violation is a console error ("Refused to apply inline style …")
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add(m.Text); };
        page.RequestFailed += (_, r) => errors.Add("failed: " + r.Url);
        page.Response += (_, r) => { if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) errors.Add($"{r.Status}: {r.Url}"); };
        await page.GotoAsync(new Uri(grid.BaseAddress, $"/m/{id}").ToString());

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"浏览器评价店{width}");
        await Assertions.Expect(page.Locator("#portal-link")).ToHaveAttributeAsync("href", $"/credit/enterprise/{id}");
        // merchant.css applied (a blocked stylesheet would leave the badge without a background).
        Assert.Equal("rgb(21, 101, 192)", await page.Locator("#color").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.SelectOptionAsync("#review-stars", "4");
        await page.FillAsync("#review-text", "分量足，店主电话13612345678");
        await page.ClickAsync("#review-submit");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("评价已提交");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("分量足，店主电话136****5678");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("13612345678");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways");
        Assert.True(await page.Locator("#color").IsVisibleAsync());
        await ConsoleBrowser.Screenshot(page, $"merchant-review-{width}.png");
        var unexpected = errors.FindAll(e => !e.Contains("favicon", StringComparison.Ordinal));
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected)); // no CSP violation, no failed asset
    }
}
