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
    public async Task An_objection_shows_its_subject_and_record_by_name_leaves_the_queue_live_and_is_resolved_from_the_panel()
    {
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", enterprise, new { name = "异议测试建材有限公司" })).StatusCode);
        var record = (await grid.PushApplied(Calls.Fine(enterprise))).GetProperty("recordIds")[0].GetString();
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

        // closed elsewhere: it leaves the panel by itself (changeLogged), no reload
        Assert.Equal(HttpStatusCode.OK, (await center.PostAsync($"/api/v1/objections/{second}/resolve", Calls.Json(new { upheld = false }))).StatusCode);
        await Assertions.Expect(page.Locator($".objection[data-objection-id='{second}']")).ToHaveCountAsync(0, new() { Timeout = 10_000 });

        await item.Locator(".obj-note").FillAsync("经核实处罚已撤销，撤销该记录");
        await item.Locator("button[data-action='upheld']").ClickAsync();
        await Assertions.Expect(item).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        var revoked = await grid.Subject("enterprise", enterprise);
        Assert.Equal("revoked", revoked.GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_resolve_the_API_refuses_shows_its_problem_text_under_the_complaint()
    {
        var street = "拒绝街" + Guid.NewGuid().ToString("N")[..6];
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "拒绝测试茶馆", street })).StatusCode);
        var posted = await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints", Calls.Json(new { text = "茶水收费不明", contact = "" }));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var complaint = (await posted.Body()).GetProperty("complaintId").GetString()!;
        // 区市场监管局 gives the verdict; from then on only it or the credit centre may resolve (http-api "Work queues")
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/complaints/{complaint}/verdict", Calls.Json(new { substantiated = true }))).StatusCode);

        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.ConsoleTax, street);
        await page.ClickAsync(".side-tab[data-tab='complaints']");
        await page.SelectOptionAsync("#complaints-status", "substantiated");
        var item = page.Locator($".complaint[data-complaint-id='{complaint}']");
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await item.Locator("button[data-action='resolve']").ClickAsync();
        var problem = item.Locator(".problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();

        var refused = await grid.Client(GridHost.ConsoleTax).PostAsync($"/api/v1/complaints/{complaint}/resolve", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var body = await refused.Body();
        await Assertions.Expect(problem).ToContainTextAsync(body.GetProperty("title").GetString()!);
        await Assertions.Expect(problem).ToContainTextAsync(body.GetProperty("detail").GetString()!);
        await ConsoleBrowser.Screenshot(page, "complaint-refused.png");
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
