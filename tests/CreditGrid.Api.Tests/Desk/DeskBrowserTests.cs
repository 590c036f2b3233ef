using System.Net;
using System.Text.Json;
using CreditGrid.Api.Tests.Console;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>Issue 14 item 1: the department desk in Chromium, a clerk's way through each form (docs/desk.md).</summary>
public class DeskBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 15_000 };

    /// <summary>What the API itself answers for a body: the message it keys under <paramref name="field"/>.</summary>
    private async Task<string> ApiMessage(object body, string field)
    {
        var response = await grid.Push(body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await response.Body()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private static async Task PickIndicator(IPage page, string typed, string code)
    {
        await page.Locator("#event-indicator-search").PressSequentiallyAsync(typed);
        await page.Locator($"#event-indicator-options li[data-code='{code}']").ClickAsync();
        await Assertions.Expect(page.Locator("#event-indicator-chosen")).ToContainTextAsync(code);
    }

    [Fact]
    public async Task A_clerk_enters_a_fine_by_typing_part_of_the_indicator_name_and_sees_it_applied_in_the_recent_events()
    {
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", enterprise, new { name = "报送台测试建材有限公司" })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter);
        await Assertions.Expect(page.Locator("#session-department")).ToHaveTextAsync(GridHost.ReporterDepartment);

        await page.FillAsync("#event-subject", enterprise);
        await PickIndicator(page, "1万元至10万元", "E-PEN-FINE-10K-100K");
        await Assertions.Expect(page.Locator("[data-field='points']")).ToBeHiddenAsync(); // a fixed row asks for no points
        await Assertions.Expect(page.Locator("#event-occurred")).ToHaveValueAsync("2026-11-28"); // the grid's today
        await page.FillAsync("#event-occurred", "2026-10-02");
        await page.FillAsync("#event-action", "张市监罚〔2026〕88号");
        var eventId = await page.Locator("#event-id").TextContentAsync();
        Assert.Matches("^[A-Za-z0-9._:-]{1,128}$", eventId);
        await ConsoleBrowser.Screenshot(page, "desk-event.png");
        await page.ClickAsync("#event-submit");
        await Assertions.Expect(page.Locator("#event-form .form-done")).ToContainTextAsync("已受理");

        var row = page.Locator($"#recent li[data-event-id='{eventId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "applied", Slow);
        await Assertions.Expect(row).ToContainTextAsync("已生效");
        await Assertions.Expect(row).ToContainTextAsync("处以1万元至10万元（含）罚款行政处罚的");
        await Assertions.Expect(page.Locator("#event-id")).Not.ToHaveTextAsync(eventId!); // the next event gets a new id
        var record = (await grid.Subject("enterprise", enterprise)).GetProperty("records").EnumerateArray().Single();
        Assert.Equal(eventId, record.GetProperty("eventId").GetString());
        Assert.Equal("张市监罚〔2026〕88号", record.GetProperty("actionRef").GetString());
        Assert.Equal(GridHost.ReporterDepartment, record.GetProperty("department").GetString());
        await ConsoleBrowser.Screenshot(page, "desk-recent.png");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_future_decision_date_shows_the_APIs_Chinese_message_next_to_the_date_and_stores_nothing()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter);
        await page.FillAsync("#event-subject", enterprise);
        await PickIndicator(page, "10万元", "E-PEN-FINE-10K-100K");
        await page.FillAsync("#event-occurred", "2026-12-05");
        var eventId = (await page.Locator("#event-id").TextContentAsync())!;
        await page.ClickAsync("#event-submit");

        var expected = await ApiMessage(Calls.Fine(enterprise, occurredAt: "2026-12-05"), "occurredAt");
        Assert.Matches("[\u4e00-\u9fff]", expected);
        var message = page.Locator("[data-field='occurredAt'] [data-error-for='occurredAt']");
        await Assertions.Expect(message).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("#event-occurred")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#event-form .form-done")).ToBeHiddenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/events/{eventId}")).StatusCode);
        await ConsoleBrowser.Screenshot(page, "desk-error.png");
    }

    [Fact]
    public async Task A_range_row_asks_for_points_shows_the_allowed_range_and_points_outside_it_get_the_APIs_message_at_the_field()
    {
        var catalogue = await (await grid.Client().GetAsync("/api/v1/catalog/enterprise")).Body();
        var range = catalogue.EnumerateArray().First(r => r.GetProperty("reportable").GetBoolean()
            && r.GetProperty("points").ValueKind == JsonValueKind.Null && r.GetProperty("amountRule").ValueKind == JsonValueKind.Null
            && r.GetProperty("polarity").GetString() == "sanction");
        var (code, name) = (range.GetProperty("code").GetString()!, range.GetProperty("name").GetString()!);
        var (min, max) = (range.GetProperty("minPoints").GetInt32(), range.GetProperty("maxPoints").GetInt32());
        var enterprise = GridHost.NewEnterpriseId();

        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter);
        await page.FillAsync("#event-subject", enterprise);
        await PickIndicator(page, name[..Math.Min(6, name.Length)], code);
        await Assertions.Expect(page.Locator("[data-field='points']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#event-points-range")).ToHaveTextAsync($"允许范围：{min} 至 {max} 分");
        await page.FillAsync("#event-occurred", "2026-10-02");
        await page.FillAsync("#event-points", (min - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#event-submit");

        var expected = await ApiMessage(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = code, occurredAt = "2026-10-02", points = min - 1 }, "points");
        await Assertions.Expect(page.Locator("[data-field='points'] [data-error-for='points']")).ToHaveTextAsync(expected);

        // inside the range it goes through
        await page.FillAsync("#event-points", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var eventId = (await page.Locator("#event-id").TextContentAsync())!;
        await page.ClickAsync("#event-submit");
        await Assertions.Expect(page.Locator($"#recent li[data-event-id='{eventId}']")).ToHaveAttributeAsync("data-status", "applied", Slow);
        Assert.Equal(max, (await grid.Subject("enterprise", enterprise)).GetProperty("records")[0].GetProperty("basePoints").GetInt32());
    }

    [Fact]
    public async Task A_penalty_by_simplified_procedure_is_refused_with_its_article_next_to_the_checkbox()
    {
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter);
        await page.FillAsync("#event-subject", GridHost.NewEnterpriseId());
        await PickIndicator(page, "1万元及以下", "E-PEN-FINE-UP-TO-10K");
        await page.FillAsync("#event-occurred", "2026-10-02");
        await page.CheckAsync("#event-simplified");
        await page.ClickAsync("#event-submit");
        await Assertions.Expect(page.Locator("[data-error-for='simplifiedProcedure']")).ToContainTextAsync("第十四条");
    }

    [Fact]
    public async Task An_inspection_with_a_finding_entered_on_the_desk_reaches_the_merchant()
    {
        var merchant = GridHost.NewEnterpriseId();
        var street = "报送街" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", merchant, new { name = "报送台测试小吃", street })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter);
        await page.ClickAsync(".tab[data-tab='inspection']");
        await page.FillAsync("#inspection-merchant", merchant);
        await page.ClickAsync("#finding-add");
        await page.ClickAsync("#finding-add");
        await Assertions.Expect(page.Locator("#findings .finding")).ToHaveCountAsync(2);
        await page.Locator("#findings .finding").Nth(1).Locator(".finding-remove").ClickAsync();
        var finding = page.Locator("#findings .finding").First;
        await finding.Locator(".finding-area").SelectOptionAsync("消防安全");
        await finding.Locator(".finding-problem").FillAsync("灭火器过期未更换");
        await finding.Locator(".finding-deadline").FillAsync("2026-12-15");
        var findingId = await finding.GetAttributeAsync("data-finding-id");
        await ConsoleBrowser.Screenshot(page, "desk-inspection.png");
        await page.ClickAsync("#inspection-submit");
        await Assertions.Expect(page.Locator("#inspection-form .form-done")).ToContainTextAsync("发现问题 1 项");

        var view = await grid.Subject("merchant", merchant);
        var reason = view.GetProperty("colorReasons").EnumerateArray().Single(r => r.GetProperty("reason").GetString() == "open-finding");
        Assert.Equal(findingId, reason.GetProperty("ref").GetString());
        Assert.Contains("消防安全", reason.GetProperty("text").GetString());
        Assert.Equal("yellow", view.GetProperty("color").GetString());
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_deadline_before_the_inspection_shows_the_message_in_its_finding_row()
    {
        var merchant = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", merchant, new { name = "报送台期限测试店", street = "期限街" })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter);
        await page.ClickAsync(".tab[data-tab='inspection']");
        await page.FillAsync("#inspection-merchant", merchant);
        await page.FillAsync("#inspection-date", "2026-11-20");
        await page.ClickAsync("#finding-add");
        var finding = page.Locator("#findings .finding").First;
        await finding.Locator(".finding-problem").FillAsync("价签缺失");
        await finding.Locator(".finding-deadline").FillAsync("2026-11-01");
        await page.ClickAsync("#inspection-submit");

        var response = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{merchant}/inspections", Calls.Json(new
        {
            inspectionId = "i-" + Guid.NewGuid().ToString("N"), date = "2026-11-20",
            findings = new[] { new { findingId = "f-1", area = "环境卫生", problem = "价签缺失", deadline = "2026-11-01" } },
        }));
        var expected = (await response.Body()).GetProperty("errors").GetProperty("findings[0].deadline")[0].GetString()!;
        await Assertions.Expect(finding.Locator("[data-part-error='deadline']")).ToHaveTextAsync(expected);
    }

    [Fact]
    public async Task A_complaint_gets_its_verdict_from_the_desk_and_leaves_the_queue()
    {
        var merchant = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", merchant, new { name = "报送台投诉测试面馆", street = "投诉核查街" })).StatusCode);
        var posted = await grid.Client().PostAsync($"/api/v1/merchants/{merchant}/complaints", Calls.Json(new { text = "面条分量不足，价签不符", contact = "" }));
        var complaint = (await posted.Body()).GetProperty("complaintId").GetString()!;

        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter);
        await page.ClickAsync(".tab[data-tab='complaints']");
        var item = page.Locator($".complaint[data-complaint-id='{complaint}']");
        await Assertions.Expect(item).ToContainTextAsync("面条分量不足");
        await Assertions.Expect(item).ToContainTextAsync("报送台投诉测试面馆");
        await item.Locator("button[data-action='verdict-true']").ClickAsync();
        await Assertions.Expect(item).ToHaveCountAsync(0);

        var listed = await (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/complaints?merchantId={merchant}")).Body();
        var c = listed.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("substantiated", c.GetProperty("status").GetString());
        Assert.Equal(GridHost.ReporterDepartment, c.GetProperty("verdict").GetProperty("department").GetString());

        // the substantiated complaint is resolved from the desk too
        await page.SelectOptionAsync("#complaints-status", "substantiated");
        await page.Locator($".complaint[data-complaint-id='{complaint}'] button[data-action='resolve']").ClickAsync();
        await Assertions.Expect(page.Locator($".complaint[data-complaint-id='{complaint}']")).ToHaveCountAsync(0);
        var resolved = await (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/complaints?merchantId={merchant}")).Body();
        Assert.Equal("resolved", resolved.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_key_is_asked_once_per_browser_session_and_a_key_without_a_reporting_role_is_refused()
    {
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, key: null);
        await Assertions.Expect(page.Locator("#auth")).ToBeVisibleAsync();
        await page.FillAsync("#desk-key", GridHost.Operator);
        await page.ClickAsync("#desk-key-submit");
        await Assertions.Expect(page.Locator("#auth-message")).ToContainTextAsync("reporter");

        await page.FillAsync("#desk-key", GridHost.TaxReporter);
        await page.ClickAsync("#desk-key-submit");
        await Assertions.Expect(page.Locator("#desk")).ToHaveAttributeAsync("data-ready", "true", Slow);
        await Assertions.Expect(page.Locator("#session-department")).ToHaveTextAsync("区税务局");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#desk")).ToHaveAttributeAsync("data-ready", "true", Slow);
        await Assertions.Expect(page.Locator("#auth")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Every_tab_of_the_desk_fits_the_width_without_horizontal_scrolling(int width, int height)
    {
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Desk(grid.BaseAddress, GridHost.Reporter, width, height);
        await page.ClickAsync(".tab[data-tab='inspection']");
        await page.ClickAsync("#finding-add");
        foreach (var tab in new[] { "event", "inspection", "complaints", "licence", "commitment", "import", "check" })
        {
            await page.ClickAsync($".tab[data-tab='{tab}']");
            var fit = await page.EvaluateAsync<JsonElement>(@"() => ({
                scroll: document.scrollingElement.scrollWidth, width: innerWidth,
                wide: [...document.querySelectorAll('body *')].filter(n => n.getClientRects().length && n.getBoundingClientRect().right > innerWidth + 0.5).map(n => n.id || n.className).slice(0, 5) })");
            Assert.True(fit.GetProperty("scroll").GetInt32() <= width, $"{tab} at {width}: scrollWidth {fit.GetProperty("scroll")} ({fit.GetProperty("wide")})");
            Assert.Empty(fit.GetProperty("wide").EnumerateArray());
        }
        await page.ClickAsync(".tab[data-tab='event']");
        await ConsoleBrowser.Screenshot(page, $"desk-{width}x{height}.png");
        Assert.Empty(browser.Errors);
    }
}
