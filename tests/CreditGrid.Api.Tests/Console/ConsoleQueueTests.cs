using System.Net;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Console;

/// <summary>Issue 13 item 3: the work queues as panels with their actions, and the API's Chinese problem text on refusal.</summary>
public class ConsoleQueueTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task A_complaint_from_the_public_page_reaches_the_complaints_panel_and_its_verdict_recolours_the_tile()
    {
        var street = "投诉街" + Guid.NewGuid().ToString("N")[..6];
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "投诉测试面馆", street })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var console = await browser.Console(grid.BaseAddress, GridHost.ConsoleCenter, street);
        var tile = console.Locator($".tile[data-merchant-id='{id}']");
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-color", "blue", new() { Timeout = 10_000 });
        await console.ClickAsync(".side-tab[data-tab='complaints']");

        var shop = await browser.Plain(new Uri(grid.BaseAddress, $"/m/{id}"));
        await shop.FillAsync("#complaint-text", "面条里有异物，店员拒绝退款");
        await shop.ClickAsync("#complaint-submit");
        await Assertions.Expect(shop.Locator(".notice")).ToContainTextAsync("投诉已提交");

        var item = console.Locator($".complaint[data-merchant-id='{id}']");
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(item).ToContainTextAsync("面条里有异物");
        await ConsoleBrowser.Screenshot(console, "complaints-queue.png");
        await item.Locator("button[data-action='verdict-true']").ClickAsync();
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-color", "yellow", new() { Timeout = 10_000 });
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task An_objection_shows_its_subject_and_record_by_name_and_a_refused_resolve_shows_the_APIs_problem_text()
    {
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", enterprise, new { name = "异议测试建材有限公司" })).StatusCode);
        var applied = await grid.PushApplied(Calls.Fine(enterprise));
        var record = applied.GetProperty("recordIds")[0].GetString();
        var first = "obj-" + Guid.NewGuid().ToString("N")[..8];
        var second = "obj-" + Guid.NewGuid().ToString("N")[..8];
        var center = grid.Client(GridHost.CreditCenter);
        Assert.Equal(HttpStatusCode.Created, (await center.PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = first, reason = "处罚决定已被复议撤销" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await center.PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = second, reason = "金额有误" }))).StatusCode);

        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.ConsoleCenter);
        await page.ClickAsync(".side-tab[data-tab='objections']");
        var item = page.Locator($".objection[data-objection-id='{first}']");
        await Assertions.Expect(item).ToContainTextAsync("异议测试建材有限公司", new() { Timeout = 10_000 });
        await Assertions.Expect(item.Locator(".obj-record")).ToContainTextAsync("罚款");
        await ConsoleBrowser.Screenshot(page, "objections-queue.png");

        // someone else closes the first objection meanwhile: the console's resolve is refused with the API's own problem text
        Assert.Equal(HttpStatusCode.OK, (await center.PostAsync($"/api/v1/objections/{first}/resolve", Calls.Json(new { upheld = false }))).StatusCode);
        var refused = await center.PostAsync($"/api/v1/objections/{first}/resolve", Calls.Json(new { upheld = false }));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await refused.Body()).GetProperty("detail").GetString()!;
        await item.Locator("button[data-action='dismissed']").ClickAsync();
        var problem = item.Locator(".problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToContainTextAsync(detail);

        var other = page.Locator($".objection[data-objection-id='{second}']");
        await other.Locator(".obj-note").FillAsync("经核实金额有误，撤销该记录");
        await other.Locator("button[data-action='upheld']").ClickAsync();
        await Assertions.Expect(other).ToHaveCountAsync(0, new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task An_operator_key_without_other_roles_sees_the_queues_without_actions()
    {
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", enterprise, new { name = "只读测试商贸有限公司" })).StatusCode);
        var record = (await grid.PushApplied(Calls.Fine(enterprise))).GetProperty("recordIds")[0].GetString();
        var objection = "obj-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await grid.Client(GridHost.Operator).PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = objection, reason = "不是本企业" }))).StatusCode);

        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator);
        await page.ClickAsync(".side-tab[data-tab='objections']");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-roles", "operator");
        var item = page.Locator($".objection[data-objection-id='{objection}']");
        await Assertions.Expect(item).ToContainTextAsync("只读测试商贸有限公司", new() { Timeout = 10_000 });
        Assert.Equal(0, await item.Locator("button[data-action]").CountAsync());
    }
}
