using System.Net;
using System.Text.Json;
using CreditGrid.Api.Tests.Console;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>Issue 14: the desk's 行政许可, 信用承诺 and 信用核查 tabs in Chromium against the real APIs (docs/desk.md).</summary>
public class DeskRecordBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 15_000 };

    private static async Task<IPage> Tab(ConsoleBrowser browser, Uri address, string tab)
    {
        var page = await browser.Desk(address, GridHost.Reporter);
        await page.ClickAsync($".tab[data-tab='{tab}']");
        return page;
    }

    [Fact]
    public async Task A_licence_entered_on_the_desk_for_a_merchant_is_listed_under_the_form_and_shows_on_the_merchant_page()
    {
        var merchant = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", merchant, new { name = "报送台许可测试面馆", street = "许可街" })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await Tab(browser, grid.BaseAddress, "licence");
        await page.SelectOptionAsync("#licence-kind", "merchant");
        await page.FillAsync("#licence-subject", merchant);
        await page.FillAsync("#licence-name", "食品经营许可证");
        await page.FillAsync("#licence-number", "JY13703030099887");
        await page.FillAsync("#licence-content", "热食类食品制售");
        await Assertions.Expect(page.Locator("#licence-decided")).ToHaveValueAsync("2026-11-28"); // the grid's today
        await page.FillAsync("#licence-to", "2031-11-27");
        var licenceId = (await page.Locator("#licence-id").TextContentAsync())!;
        await page.ClickAsync("#licence-submit");

        await Assertions.Expect(page.Locator("#licence-form .form-done")).ToContainTextAsync(licenceId);
        var item = page.Locator($"#licence-list li[data-licence-id='{licenceId}']");
        await Assertions.Expect(item).ToContainTextAsync("食品经营许可证");
        await Assertions.Expect(item).ToContainTextAsync("JY13703030099887");
        await Assertions.Expect(item).ToContainTextAsync("2026-11-28 至 2031-11-27");
        await Assertions.Expect(item).ToContainTextAsync(GridHost.ReporterDepartment);

        var list = await grid.List($"/api/v1/licences?subjectId={merchant}");
        var stored = list.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((licenceId, "enterprise", "食品经营许可证"), (stored.GetProperty("licenceId").GetString(), stored.GetProperty("subjectKind").GetString(), stored.GetProperty("name").GetString()));

        var merchantPage = await browser.Plain(new Uri(grid.BaseAddress, $"/m/{merchant}"));
        await Assertions.Expect(merchantPage.Locator("body")).ToContainTextAsync("食品经营许可证（JY13703030099887）");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_licence_valid_to_before_it_is_valid_from_shows_the_APIs_Chinese_message_at_valid_to_and_stores_nothing()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await using var browser = await ConsoleBrowser.Launch();
        var page = await Tab(browser, grid.BaseAddress, "licence");
        await page.FillAsync("#licence-subject", enterprise);
        await page.FillAsync("#licence-name", "排污许可证");
        await page.FillAsync("#licence-number", "91370303PW0001");
        await page.FillAsync("#licence-decided", "2026-11-25");
        await page.FillAsync("#licence-from", "2026-11-25");
        await page.FillAsync("#licence-to", "2026-11-01");
        await page.ClickAsync("#licence-submit");

        var response = await grid.Post("/api/v1/licences", DeskCalls.Licence(enterprise, validFrom: "2026-11-25", validTo: "2026-11-01"));
        await DeskCalls.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "validTo");
        var expected = (await response.Body()).GetProperty("errors").GetProperty("validTo")[0].GetString()!;
        await Assertions.Expect(page.Locator("[data-field='validTo'] [data-error-for='validTo']")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("#licence-to")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#licence-form .form-done")).ToBeHiddenAsync();
        Assert.Equal(0, (await grid.List($"/api/v1/licences?subjectId={enterprise}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_commitment_entered_on_the_desk_then_named_by_a_pledge_event_from_the_event_form_shows_breached()
    {
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", enterprise, new { name = "报送台承诺测试公司" })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await Tab(browser, grid.BaseAddress, "commitment");
        await page.FillAsync("#commitment-subject", enterprise);
        await page.SelectOptionAsync("#commitment-kind", "告知承诺");
        await page.FillAsync("#commitment-text", "按告知承诺制办理，承诺三个月内补齐消防验收材料。");
        var commitmentId = (await page.Locator("#commitment-id").TextContentAsync())!;
        await page.ClickAsync("#commitment-submit");
        var item = page.Locator($"#commitment-list li[data-commitment-id='{commitmentId}']");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "active");
        await Assertions.Expect(item).ToContainTextAsync("履约中");

        await page.ClickAsync(".tab[data-tab='event']");
        await page.FillAsync("#event-subject", enterprise);
        await page.Locator("#event-indicator-search").PressSequentiallyAsync("不履行信用承诺");
        await page.Locator("#event-indicator-options li[data-code='E-PLEDGE-NOT-FULFILLED']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='commitmentRef']")).ToBeVisibleAsync();
        await page.FillAsync("#event-commitment", commitmentId);
        await page.FillAsync("#event-action", "张市监〔2026〕承诺9号");
        var eventId = (await page.Locator("#event-id").TextContentAsync())!;
        await page.ClickAsync("#event-submit");
        await Assertions.Expect(page.Locator($"#recent li[data-event-id='{eventId}']")).ToHaveAttributeAsync("data-status", "applied", Slow);

        await page.ClickAsync(".tab[data-tab='commitment']");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "breached", Slow);
        await Assertions.Expect(item).ToContainTextAsync("已违诺");
        var stored = (await grid.List($"/api/v1/commitments?subjectId={enterprise}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("breached", stored.GetProperty("status").GetString());
        var record = (await grid.Subject("enterprise", enterprise)).GetProperty("records").EnumerateArray().Single();
        Assert.Equal(record.GetProperty("recordId").GetString(), stored.GetProperty("breachedBy").GetString());
        await Assertions.Expect(item).ToContainTextAsync(stored.GetProperty("breachedBy").GetString()!);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_severely_dishonest_enterprise_checked_for_fiscal_funds_is_shown_restricted_with_the_measure_and_its_article()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "核查测试严重失信公司" });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = "E-SEVERE-FOOD-DRUG", occurredAt = "2026-11-02" });
        await using var browser = await ConsoleBrowser.Launch();
        var page = await Tab(browser, grid.BaseAddress, "check");
        await page.FillAsync("#check-id", enterprise);
        await Assertions.Expect(page.Locator("#check-purpose option:checked")).ToHaveTextAsync("财政性资金项目");
        await page.ClickAsync("#check-submit");

        var result = page.Locator("#check-result");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-outcome", "restricted", Slow);
        await Assertions.Expect(page.Locator("#check-outcome")).ToHaveTextAsync("限制");
        var api = await grid.List($"/api/v1/checks/enterprise/{enterprise}?purpose=fiscal-funds");
        Assert.Equal("restricted", api.GetProperty("outcome").GetString());
        var citation = api.GetProperty("citation").GetString()!;
        Assert.Contains("第二十三条", citation);
        await Assertions.Expect(page.Locator("#check-citation")).ToHaveTextAsync(citation);
        var measures = api.GetProperty("measures").EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.Contains(measures, m => m.Contains("财政性资金", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#check-measures li")).ToHaveTextAsync(measures);
        await Assertions.Expect(page.Locator("#check-standing")).ToContainTextAsync("严重失信");

        // the inspection plan: 常规, with the uncapped random-inspection measure (87号第二十三条)
        await page.SelectOptionAsync("#check-purpose", "inspection-plan");
        await page.ClickAsync("#check-submit");
        await Assertions.Expect(page.Locator("#check-outcome")).ToHaveTextAsync("常规");
        await Assertions.Expect(page.Locator("#check-measures")).ToContainTextAsync("抽查比例不设上限");
        await ConsoleBrowser.Screenshot(page, "desk-check.png");
        Assert.Empty(browser.Errors);
    }
}
