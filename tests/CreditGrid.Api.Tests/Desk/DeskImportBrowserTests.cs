using System.Net;
using System.Text.Json;
using CreditGrid.Api.Tests.Console;
using Microsoft.Playwright;
using static CreditGrid.Api.Tests.Imports.ImportFiles;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>Issue 14: the desk's 文件导入 tab in Chromium against the real imports API (docs/imports.md, docs/desk.md).</summary>
public class DeskImportBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToContainTextOptions SlowText = new() { Timeout = 30_000 };

    private static async Task<IPage> ImportTab(ConsoleBrowser browser, Uri address)
    {
        var page = await browser.Desk(address, GridHost.Reporter);
        await page.ClickAsync(".tab[data-tab='import']");
        return page;
    }

    /// <summary>docs/samples/punishment-sample.csv of this checkout (the file the desk's guide offers).</summary>
    private static string SampleFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CreditGrid.sln"))) return Path.Combine(dir.FullName, "docs", "samples", "punishment-sample.csv");
        throw new DirectoryNotFoundException("CreditGrid.sln");
    }

    private static Task Choose(IPage page, byte[] file, string name = "penalties.csv") =>
        page.SetInputFilesAsync("#import-file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = file });

    private static async Task<string> ImportId(IPage page) => (await page.Locator("#import-id").TextContentAsync())!.Trim();

    private async Task<JsonElement> Read(string importId, string query = "") =>
        await (await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/imports/{importId}{query}")).Body();

    private static async Task ExpectCount(IPage page, string counter, int value) =>
        await Assertions.Expect(page.Locator($"#import-counts [data-count='{counter}'] b")).ToHaveTextAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_dry_run_of_the_sample_file_shows_its_counts_and_each_rejected_rows_Chinese_reason_at_its_row()
    {
        var file = await File.ReadAllBytesAsync(SampleFile());
        await using var browser = await ConsoleBrowser.Launch();
        var page = await ImportTab(browser, grid.BaseAddress);
        await Assertions.Expect(page.Locator("#import-dry")).ToBeCheckedAsync(); // 试运行 is the default
        await Choose(page, file, "punishment-sample.csv");
        await page.ClickAsync("#import-submit");

        await Assertions.Expect(page.Locator("#import-job")).ToHaveAttributeAsync("data-status", "ready", Slow);
        await ExpectCount(page, "total", 20);
        await ExpectCount(page, "valid", 16);
        await ExpectCount(page, "rejected", 3);
        await ExpectCount(page, "held", 1);
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("试运行完成");
        await Assertions.Expect(page.Locator("#import-progress")).ToBeHiddenAsync(); // a dry run imports nothing
        await Assertions.Expect(page.Locator("#import-start")).ToBeVisibleAsync();

        // each rejected row shows the API's own message under the file's column, at the row number a spreadsheet shows
        var api = await Read(await ImportId(page), "?status=rejected");
        Assert.Equal(3, api.GetProperty("rowsTotal").GetInt32());
        await Assertions.Expect(page.Locator("#import-rows tr")).ToHaveCountAsync(3);
        foreach (var row in api.GetProperty("rows").EnumerateArray())
        {
            var number = row.GetProperty("row").GetInt32();
            foreach (var error in row.GetProperty("errors").EnumerateObject())
            {
                var message = error.Value[0].GetString()!;
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
                var cell = page.Locator($"#import-rows tr[data-row='{number}'][data-status='rejected'] .row-error[data-field='{error.Name}']");
                await Assertions.Expect(cell).ToContainTextAsync(error.Name);
                await Assertions.Expect(cell).ToContainTextAsync(message);
            }
        }
        // "五万" is the 21st spreadsheet row (the header is row 1): its amount column says why
        await Assertions.Expect(page.Locator("#import-rows tr[data-row='21'] .row-error[data-field='罚款金额']")).ToContainTextAsync("万元");
        // the held row (责令限期拆除 → 其他行政处罚) waits above, to be decided on the real import
        var held = page.Locator("#import-held tr[data-row='17'][data-status='held']");
        await Assertions.Expect(held).ToContainTextAsync("待定");
        await Assertions.Expect(held.Locator("input.held-points")).ToHaveCountAsync(0);
        await ConsoleBrowser.Screenshot(page, "desk-import-dry-run.png");

        // the report with its held row fits a phone too
        await page.SetViewportSizeAsync(390, 844);
        var wide = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('body *')].filter(n => n.getClientRects().length && n.getBoundingClientRect().right > innerWidth + 0.5).length");
        Assert.Equal(0, wide);
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= innerWidth"));
        await ConsoleBrowser.Screenshot(page, "desk-import-390x844.png");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Starting_the_import_after_a_dry_run_fills_the_progress_bar_and_its_events_show_applied_in_the_recent_events()
    {
        var rows = new[]
        {
            new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "0.5", Name: "导入测试甲商店"),
            new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "12", Name: "导入测试乙公司"),
            new Penalty(GridHost.NewEnterpriseId(), "警告", Name: "导入测试丙药店"),
        };
        await using var browser = await ConsoleBrowser.Launch();
        var page = await ImportTab(browser, grid.BaseAddress);
        await Choose(page, Csv(rows));
        await page.ClickAsync("#import-submit");
        await Assertions.Expect(page.Locator("#import-job")).ToHaveAttributeAsync("data-status", "ready", Slow);
        var dryRun = await ImportId(page);
        await ExpectCount(page, "valid", 3);

        await page.ClickAsync("#import-start");
        await Assertions.Expect(page.Locator("#import-id")).Not.ToHaveTextAsync(dryRun);
        await Assertions.Expect(page.Locator("#import-job")).ToHaveAttributeAsync("data-status", "done", Slow);
        await Assertions.Expect(page.Locator("#import-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#import-progress")).ToHaveAttributeAsync("aria-valuenow", "100");
        Assert.Equal("100%", await page.Locator("#import-progress-bar").EvaluateAsync<string>("n => n.style.width"));
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("导入完成：3 行已生效");
        await ExpectCount(page, "applied", 3);

        var import = await Read(await ImportId(page), "?status=applied");
        Assert.False(import.GetProperty("dryRun").GetBoolean());
        Assert.Equal(3, import.GetProperty("applied").GetInt32());
        var eventIds = import.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()!)).ToList();
        Assert.Equal(3, eventIds.Count);
        foreach (var eventId in eventIds)
        {
            var item = page.Locator($"#recent li[data-event-id='{eventId}']");
            await Assertions.Expect(item).ToHaveAttributeAsync("data-status", "applied", Slow);
            await Assertions.Expect(item).ToContainTextAsync("已生效");
        }
        Assert.Single((await grid.Subject("enterprise", rows[1].Uscc)).GetProperty("records").EnumerateArray());
        await ConsoleBrowser.Screenshot(page, "desk-import-done.png");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_held_row_decided_on_the_desk_with_points_is_applied_and_points_out_of_range_get_the_APIs_message_at_the_row()
    {
        var other = new Penalty(GridHost.NewEnterpriseId(), "责令限期拆除", Name: "导入待定测试公司");
        var fine = new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "2");
        var skipped = new Penalty(GridHost.NewEnterpriseId(), "责令改正", Name: "导入跳过测试公司");
        await using var browser = await ConsoleBrowser.Launch();
        var page = await ImportTab(browser, grid.BaseAddress);
        await page.UncheckAsync("#import-dry");
        await Choose(page, Csv([other, fine, skipped]));
        await page.ClickAsync("#import-submit");

        await Assertions.Expect(page.Locator("#import-job")).ToHaveAttributeAsync("data-status", "done", Slow);
        await Assertions.Expect(page.Locator("#import-done")).ToContainTextAsync("2 行待定");
        var held = page.Locator("#import-held tr[data-row='2'][data-status='held']");
        var importId = await ImportId(page);

        // outside −400..−20: the API's own 422 text, under that row's input (nothing decided)
        var refused = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/imports/{importId}/rows/2", Calls.Json(new { points = -500 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        // the events validator's own range text, Chinese by default (the desk sends Accept-Language: zh-CN)
        var expected = (await refused.Body()).GetProperty("errors").GetProperty("points")[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", expected);
        await held.Locator("input.held-points").FillAsync("-500");
        await held.Locator("button[data-action='decide']").ClickAsync();
        await Assertions.Expect(held.Locator(".held-error")).ToHaveTextAsync(expected);
        await Assertions.Expect(held.Locator("input.held-points")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal("held", (await Read(importId, "?status=held")).GetProperty("rows")[0].GetProperty("status").GetString());

        // 跳过: the row is rejected, with the import's own note under 分值
        await page.Locator("#import-held tr[data-row='4'] button[data-action='skip']").ClickAsync();
        var skippedRow = page.Locator("#import-rows tr[data-row='4'][data-status='rejected']");
        await Assertions.Expect(skippedRow.Locator(".row-error[data-field='points']")).ToContainTextAsync("分值：已在导入台跳过");
        await Assertions.Expect(page.Locator("#import-held tr[data-row='4']")).ToHaveCountAsync(0);

        await held.Locator("input.held-points").FillAsync("-50");
        await held.Locator("button[data-action='decide']").ClickAsync();
        await Assertions.Expect(page.Locator("#import-held-box")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#import-job")).ToHaveAttributeAsync("data-status", "done", Slow);
        await ExpectCount(page, "applied", 2);
        await page.SelectOptionAsync("#import-rows-filter", "applied");
        await Assertions.Expect(page.Locator("#import-rows tr[data-row='2']")).ToHaveAttributeAsync("data-status", "applied", Slow);
        await Assertions.Expect(page.Locator("#import-rows tr[data-row='2']")).ToContainTextAsync("已生效");

        var record = (await grid.Subject("enterprise", other.Uscc)).GetProperty("records").EnumerateArray().Single();
        Assert.Equal("E-PEN-OTHER", record.GetProperty("indicator").GetString());
        Assert.Equal(-50, record.GetProperty("basePoints").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{skipped.Uscc}")).StatusCode);
        Assert.Empty(browser.Errors);
    }
}
