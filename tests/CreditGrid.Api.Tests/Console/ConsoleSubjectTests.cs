using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Console;

/// <summary>Issue 13 item 2: find a subject, open its page, read why (explanation, citation, colour reasons).</summary>
public class ConsoleSubjectTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task Search_opens_the_subject_page_where_a_record_has_an_explanation_and_a_citation_of_the_paper()
    {
        var id = GridHost.NewEnterpriseId();
        var name = "搜索" + Guid.NewGuid().ToString("N")[..4] + "化工有限公司";
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name })).StatusCode);
        await grid.PushApplied(Calls.Fine(id));
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator);

        await page.FillAsync("#search", name[..6]);
        var hit = page.Locator("#search-results .search-item[data-kind='enterprise']", new() { HasText = id }); // opened by its ref
        await Assertions.Expect(hit).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await ConsoleBrowser.Screenshot(page, "search.png");
        await hit.ClickAsync();

        var dialog = page.Locator("#subject");
        await Assertions.Expect(dialog).ToHaveAttributeAsync("data-state", "loaded");
        await Assertions.Expect(page.Locator("#subject-name")).ToHaveTextAsync(name);
        var record = dialog.Locator(".record").First;
        await Assertions.Expect(record.Locator(".record-citation")).ToHaveTextAsync(new Regex("《.+》"));
        await Assertions.Expect(record.Locator(".record-explanation")).ToHaveTextAsync(new Regex("[\u4e00-\u9fff]")); // Playwright matches in JavaScript: no .NET Unicode blocks
        Assert.DoesNotMatch(new Regex(@"\bL\d{2,}\b"), await dialog.InnerTextAsync()); // never a seed line number
        await ConsoleBrowser.Screenshot(page, "subject-page-search.png");
    }

    [Fact]
    public async Task Clicking_a_yellow_tile_opens_the_merchant_page_with_its_colour_reason_its_fine_cited_and_the_path_back()
    {
        var street = "档案街" + Guid.NewGuid().ToString("N")[..6];
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "档案测试烧烤店", street })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "subject-" + id, date = "2026-11-27",
            findings = new[] { new { findingId = "subject-f-" + id, area = "消防安全", problem = "灭火器过期", deadline = "2026-12-04" } },
        }))).StatusCode);
        await grid.PushApplied(Calls.Fine(id)); // the merchant's enterprise: a fine of 1-10万元
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator, street);
        var tile = page.Locator($".tile[data-merchant-id='{id}']");
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-color", "yellow", new() { Timeout = 10_000 });
        await tile.ClickAsync();
        var dialog = page.Locator("#subject");
        await Assertions.Expect(dialog).ToHaveAttributeAsync("data-state", "loaded");
        await Assertions.Expect(dialog.Locator("[data-section='color-reasons'] .reason[data-reason='open-finding']")).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("[data-section='evaluation']")).ToContainTextAsync("黄名单");
        var record = dialog.Locator(".record").First;
        await Assertions.Expect(record.Locator(".record-citation")).ToHaveTextAsync(new Regex("《.+》"));
        await Assertions.Expect(record.Locator(".record-explanation")).ToHaveTextAsync(new Regex("[\u4e00-\u9fff]")); // Playwright matches in JavaScript: no .NET Unicode blocks
        await Assertions.Expect(dialog.Locator(".next-change").First).ToContainTextAsync("年"); // the day the fine expires
        Assert.DoesNotMatch(new Regex(@"\bL\d{2,}\b"), await dialog.InnerTextAsync());
        await ConsoleBrowser.Screenshot(page, "subject-page.png");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_person_found_by_search_stays_masked_until_show_is_pressed()
    {
        var person = GridHost.NewPersonId();
        var name = "档案" + Guid.NewGuid().ToString("N")[..3];
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", person, new { name })).StatusCode);
        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Console(grid.BaseAddress, GridHost.Operator);
        await page.FillAsync("#search", name);
        var hit = page.Locator("#search-results .search-item[data-kind='person']").First;
        await Assertions.Expect(hit).ToContainTextAsync(name, new() { Timeout = 10_000 });
        Assert.DoesNotContain(person, await page.Locator("#search-results").InnerTextAsync());
        await hit.ClickAsync();
        await Assertions.Expect(page.Locator("#subject")).ToHaveAttributeAsync("data-state", "loaded");
        await Assertions.Expect(page.Locator("#subject-id")).ToHaveTextAsync(person[..6] + "********" + person[^4..]);
        await page.ClickAsync("#subject-reveal");
        await Assertions.Expect(page.Locator("#subject-id")).ToHaveTextAsync(person);
    }
}
