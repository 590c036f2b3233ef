using System.Diagnostics;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Console;

/// <summary>
/// Issue 13 item 6: while the server is away the panels are greyed with the time of the last update; when it is back on
/// the same address the console reconnects within 2 s and refetches (the real program as a child process, kill -9).
/// </summary>
public sealed class ConsoleReconnectTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditgrid-console", Guid.NewGuid().ToString("N"));

    public ConsoleReconnectTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Panels_are_marked_stale_when_the_server_stops_and_the_console_reconnects_within_2_seconds_of_its_return()
    {
        var port = SiloProcess.FreePort();
        var store = await SiloProcess.StoreOf(_folder);
        var silo = await SiloProcess.Start(_folder, GridHost.Now, store, port);
        await using var browser = await ConsoleBrowser.Launch();
        IPage page;
        try
        {
            foreach (var name in new[] { "断线测试烧烤店", "断线测试水果店", "断线测试面馆" })
                Assert.Equal(System.Net.HttpStatusCode.Created, (await silo.Client(GridHost.CreditCenter).PutAsync(
                    $"/api/v1/subjects/merchant/{GridHost.NewEnterpriseId()}", Calls.Json(new { name, street = "水晶街" }))).StatusCode);
            page = await browser.Console(silo.Address, GridHost.Operator);
            await Assertions.Expect(page.Locator("#dashboard")).ToHaveAttributeAsync("data-stale", "false");
        }
        finally
        {
            silo.KillHard();
            await silo.DisposeAsync();
        }

        await Assertions.Expect(page.Locator("#dashboard")).ToHaveAttributeAsync("data-stale", "true", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#stale-note")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"数据截至 \d{2}:\d{2}:\d{2}（连接已断开）"));
        await page.WaitForTimeoutAsync(3000); // a few failed retries while it is down
        await ConsoleBrowser.Screenshot(page, "stale.png");

        await using var back = await SiloProcess.Start(_folder, GridHost.Now, store, port);
        var ready = Stopwatch.StartNew();
        await Assertions.Expect(page.Locator("#connection-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 10_000 });
        var reconnected = ready.Elapsed;
        await Assertions.Expect(page.Locator("#dashboard")).ToHaveAttributeAsync("data-stale", "false");
        Assert.True(reconnected <= TimeSpan.FromSeconds(2), $"reconnected {reconnected.TotalSeconds:F1} s after the server was ready");
        System.Console.WriteLine($"console reconnected {reconnected.TotalMilliseconds:F0} ms after /readyz");
    }
}
