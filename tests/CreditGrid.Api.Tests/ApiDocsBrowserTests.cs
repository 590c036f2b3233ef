using Microsoft.Playwright;

namespace CreditGrid.Api.Tests;

/// <summary>/api/docs in Chromium: the reference page renders the document, anonymously, and loads nothing from outside.</summary>
public class ApiDocsBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task The_reference_page_renders_the_operations_without_a_key_and_loads_nothing_from_another_host()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var requested = new List<string>();
        page.Request += (_, r) => requested.Add(r.Url);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        var response = await page.GotoAsync(new Uri(grid.BaseAddress, "/api/docs").ToString());
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByText("CreditGrid API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // The operations are grouped by the endpoints' tags; the X-Api-Key scheme is offered for authentication.
        await Assertions.Expect(page.GetByText("Credit events", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Emergency plans", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("X-Api-Key").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "api-docs.png") });

        var outside = requested.Where(u => !u.StartsWith(grid.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                                           && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, "requests to other hosts: " + string.Join(", ", outside));
        Assert.Contains(requested, u => u.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        Assert.Empty(errors);
    }
}
