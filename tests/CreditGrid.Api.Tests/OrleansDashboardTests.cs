using System.Net;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests;

/// <summary>The host with the Orleans Dashboard switched on (it is off by default: its profiling costs CPU per event).</summary>
public sealed class DashboardGridHost : GridHost
{
    protected override async Task<string[]> StorageArguments() => [.. await base.StorageArguments(), "--Dashboard:Enabled=true"];
}

/// <summary>
/// The Orleans Dashboard at /orleans/ (issue 16, "Also"): operators only, signed in once with the operator key; the
/// page then shows the cluster's silos and the grid's grain types, loaded from this host alone.
/// </summary>
public class OrleansDashboardTests(DashboardGridHost grid) : IClassFixture<DashboardGridHost>
{
    [Fact]
    public async Task Off_by_default_the_dashboard_is_not_there_at_all()
    {
        var plain = new GridHost();
        await plain.InitializeAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = plain.BaseAddress };
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/orleans-login")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/orleans/DashboardCounters")).StatusCode);
        }
        finally
        {
            await plain.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_signing_in_the_dashboard_and_its_data_are_refused()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = grid.BaseAddress };
        var page = await client.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/orleans-login", page.Headers.Location!.PathAndQuery);
        // The X-Api-Key header alone does not open it: the dashboard's own scripts could not send it.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        request.Headers.Add("X-Api-Key", GridHost.Operator);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_operator_role_is_refused_with_a_Chinese_message_and_no_cookie()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = grid.BaseAddress };
        var signIn = await client.PostAsync("/orleans-login", new FormUrlEncodedContent([new("key", GridHost.Reporter)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));
        var again = await client.GetAsync(signIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("密钥无效，或该密钥没有运行值守（operator）角色", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/orleans/")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_operator_gets_the_counters_but_never_one_grain_s_state()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = grid.BaseAddress };
        var signIn = await client.PostAsync("/orleans-login", new FormUrlEncodedContent([new("key", GridHost.Operator)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/orleans/", signIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(GridHost.Operator, cookie);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/orleans/DashboardCounters")).StatusCode);
        var state = await client.GetAsync("/orleans/GrainState?grainId=person:370303199001011234&grainType=CreditGrid.Silo.Grains.PersonGrain");
        Assert.Equal(HttpStatusCode.Forbidden, state.StatusCode);
        Assert.Contains("请在值守台的主体页面查阅", await state.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_operator_signs_in_and_sees_the_silo_and_the_grid_grain_types_loaded_from_this_host_only()
    {
        // A subject grain exists, so the dashboard has a grid grain type to show.
        using (var api = grid.Client(GridHost.Operator)) _ = await api.GetAsync("/api/v1/merchants/board?street=水晶街");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var requested = new List<string>();
        page.Request += (_, r) => requested.Add(r.Url);

        await page.GotoAsync(new Uri(grid.BaseAddress, "/orleans/").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orleans 集群面板" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByLabel("运行值守密钥").FillAsync(GridHost.Operator);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.WaitForURLAsync(u => u.EndsWith("/orleans/", StringComparison.Ordinal), new() { Timeout = 20_000 });
        await Assertions.Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        // The grains page counts activations per grain class: the street directory the board request asked is one of them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Grains", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "StreetDirectoryGrain" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "orleans-dashboard.png") });
        await page.GetByRole(AriaRole.Link, new() { Name = "Silos", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Active").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var origin = grid.BaseAddress.GetLeftPart(UriPartial.Authority);
        var outside = requested.Where(u => !u.StartsWith(origin, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, "requests to other hosts: " + string.Join(", ", outside));
    }
}
