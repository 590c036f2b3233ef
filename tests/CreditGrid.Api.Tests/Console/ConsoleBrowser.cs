using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Console;

/// <summary>
/// Debian's Chromium driven by Playwright against the operator console. The key and street are put into the page's
/// session storage before it loads (the login form has its own test). Screenshots go to screenshots/ in the test
/// output, and also to $CREDITGRID_SCREENSHOTS when set (docs/screenshots is made that way).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public List<string> Errors { get; } = [];

    public static async Task<ConsoleBrowser> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A page of the console at <paramref name="width"/>×<paramref name="height"/>, signed in, showing <paramref name="street"/>.</summary>
    public async Task<IPage> Console(Uri baseAddress, string key, string? street = null, int width = 1366, int height = 768)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        var script = $"sessionStorage.setItem('creditgrid.operatorKey', {Js(key)});" + (street is null ? "" : $"sessionStorage.setItem('creditgrid.street', {Js(street)});");
        await context.AddInitScriptAsync(script);
        var page = await context.NewPageAsync();
        // a refused fetch (4xx) is the API answering, not a page error
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) Errors.Add(m.Text); };
        page.PageError += (_, e) => Errors.Add(e);
        await page.GotoAsync(baseAddress.ToString());
        await Synced(page);
        return page;
    }

    /// <summary>
    /// The department desk (/desk) at <paramref name="width"/>×<paramref name="height"/>, its key in session storage (as
    /// after the key form), once its first lists are loaded (#desk data-ready). No key: the page as a new visitor sees it.
    /// </summary>
    public async Task<IPage> Desk(Uri baseAddress, string? key, int width = 1366, int height = 768)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        if (key is not null) await context.AddInitScriptAsync($"if (!sessionStorage.getItem('creditgrid.deskKey')) sessionStorage.setItem('creditgrid.deskKey', {Js(key)});");
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) Errors.Add(m.Text); };
        page.PageError += (_, e) => Errors.Add(e);
        await page.GotoAsync(new Uri(baseAddress, "/desk").ToString());
        if (key is not null) await Assertions.Expect(page.Locator("#desk")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>Connected, and the first full fetch of every panel is done (the page marks it on #dashboard).</summary>
    public static async Task Synced(IPage page)
    {
        await Assertions.Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#dashboard")).ToHaveAttributeAsync("data-updated", new System.Text.RegularExpressions.Regex("."), new() { Timeout = 15_000 });
    }

    public async Task<IPage> Plain(Uri address, int width = 400, int height = 860)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        return page;
    }

    private static string Js(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    public static async Task Screenshot(IPage page, string name)
    {
        var local = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(local, name) });
        if (Environment.GetEnvironmentVariable("CREDITGRID_SCREENSHOTS") is { Length: > 0 } docs)
            File.Copy(Path.Combine(local, name), Path.Combine(Directory.CreateDirectory(docs).FullName, name), overwrite: true);
    }

    /// <summary>Where the board's tiles lie: how many, how many not wholly inside the viewport, and whether page or board scrolls.</summary>
    public sealed record Fit(int Tiles, int Outside, bool PageScrolls, bool BoardScrolls, string FirstColor);

    public static async Task<Fit> BoardFit(IPage page)
    {
        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>(@"() => {
            const tiles = [...document.querySelectorAll('#tiles .tile')];
            const outside = tiles.filter(t => { const r = t.getBoundingClientRect();
                return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5; }).length;
            const board = document.getElementById('board');
            return { tiles: tiles.length, outside, pageScrolls: document.scrollingElement.scrollHeight > innerHeight + 1,
                     boardScrolls: board.scrollHeight > board.clientHeight + 1, firstColor: tiles.length ? tiles[0].dataset.color : '' };
        }");
        return new Fit(json.GetProperty("tiles").GetInt32(), json.GetProperty("outside").GetInt32(), json.GetProperty("pageScrolls").GetBoolean(),
            json.GetProperty("boardScrolls").GetBoolean(), json.GetProperty("firstColor").GetString() ?? "");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
