using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Console;

/// <summary>
/// Issue 15 item 5: an application is submitted on the portal (phone, 390×844, no script needed), accepted in the
/// workbench's 门户申请 panel (1366×768), and its status seen by the applicant with the tracking code.
/// </summary>
public class ApplicationBrowserTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task An_application_submitted_on_the_portal_is_accepted_in_the_workbench_and_the_applicant_sees_it_open_with_the_code()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var recordId = (await grid.PushApplied(Calls.Fine(enterprise))).GetProperty("recordIds")[0].GetString()!;
        await using var browser = await ConsoleBrowser.Launch();

        // The applicant, on a phone: the form comes prefilled with the subject and the record (a link from the subject page).
        var phone = await browser.Plain(new Uri(grid.BaseAddress, $"/credit/apply?subjectKind=enterprise&subjectId={enterprise}&recordId={Uri.EscapeDataString(recordId)}"), 390, 844);
        await phone.FillAsync("#apply-reason", "该处罚决定已被行政复议撤销，附复议决定书");
        await phone.FillAsync("#apply-contact", "13812345678");
        await phone.ClickAsync(".apply-form button[type='submit']");
        var id = (await phone.Locator("#application-id").TextContentAsync())!.Trim();
        var code = (await phone.Locator("#tracking-code").TextContentAsync())!.Trim();
        Assert.Matches("^SQ[0-9]{14}$", id);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the receipt fits the phone's width");
        await ConsoleBrowser.Screenshot(phone, "application-receipt.png");

        // The credit centre, in the workbench.
        var console = await browser.Console(grid.BaseAddress, GridHost.ConsoleCenter);
        await console.ClickAsync(".side-tab[data-tab='applications']");
        var item = console.Locator($".application[data-application-id='{id}']");
        await Assertions.Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(item).ToContainTextAsync("138****5678");
        await Assertions.Expect(item).Not.ToContainTextAsync("13812345678");
        // Rejecting without a reason is refused by the API; its Chinese text shows under the application.
        await item.Locator("button[data-action='reject']").ClickAsync();
        await Assertions.Expect(item.Locator(".problem")).ToContainTextAsync("请写明理由");
        await ConsoleBrowser.Screenshot(console, "applications-queue.png");
        await item.Locator("button[data-action='accept']").ClickAsync();
        await Assertions.Expect(item).ToHaveCountAsync(0, new() { Timeout = 10_000 }); // no longer waiting in 待受理
        await console.SelectOptionAsync("#applications-status", "open");
        await Assertions.Expect(console.Locator($".application[data-application-id='{id}']")).ToContainTextAsync("异议办理中", new() { Timeout = 10_000 });
        await Assertions.Expect(console.Locator($".application[data-application-id='{id}']")).ToContainTextAsync("时限 2026年12月2日");

        // The applicant follows it with number + code, on the phone and on a desktop.
        foreach (var (width, height) in new[] { (390, 844), (1366, 768) })
        {
            var track = await browser.Plain(new Uri(grid.BaseAddress, $"/credit/apply/{id}"), width, height);
            await Assertions.Expect(track.Locator("#application-status")).ToHaveCountAsync(0);
            await track.FillAsync("#apply-code", code);
            await track.ClickAsync("form button[type='submit']");
            await Assertions.Expect(track.Locator("#application-status")).ToHaveAttributeAsync("data-status", "open");
            await Assertions.Expect(track.Locator("#application-status")).ToHaveTextAsync("异议办理中");
            await Assertions.Expect(track.Locator("#application-history li")).ToHaveCountAsync(3);
            await Assertions.Expect(track.Locator("main")).ToContainTextAsync("2026-12-02");
            Assert.True(await track.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the status page fits {width}px");
        }
        Assert.Empty(browser.Errors);
    }
}
