using System.Net;
using System.Security.Cryptography;
using CreditGrid.Api.Tests.Console;
using CreditGrid.Api.Tests.Reports;
using Microsoft.Playwright;

namespace CreditGrid.Api.Tests.Portal;

/// <summary>
/// Issue 15 in Chromium at 390×844 and 1366×768: look up an enterprise on /credit, open its page, follow its report
/// link (a PDF, read back with PdfPig), then check the report on /credit/verify/{reportNo}: the issue record shows,
/// the file itself is 一致, a copy with one byte changed is 不一致.
/// </summary>
public sealed class PortalReportBrowserTests(ReportHost grid) : IClassFixture<ReportHost>
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task Looking_up_an_enterprise_opens_its_report_and_the_verify_page_tells_the_real_file_from_a_tampered_copy(int width, int height)
    {
        var tag = PortalTests.Tag(4);
        var name = "张店" + tag + "报告商贸有限公司";
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name })).StatusCode);
        await grid.PushApplied(Calls.Fine(id, actionRef: "张市监罚〔2026〕" + tag));

        await using var browser = await ConsoleBrowser.Launch();
        var page = await browser.Plain(new Uri(grid.BaseAddress, "/credit"), width, height);
        await page.FillAsync("#q", tag);
        await page.ClickAsync("form.lookup button[type=submit]");
        var hit = page.Locator("li.hit", new() { HasText = name });
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await hit.Locator("a.hit-name").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);

        // The report link as the page gives it, fetched in the browser's context (headless Chromium downloads PDFs).
        var link = page.Locator("a.report");
        await Assertions.Expect(link).ToHaveTextAsync("下载信用报告（PDF）");
        var href = await link.EvaluateAsync<string>("a => a.href");
        var response = await page.Context.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/pdf", response.Headers["content-type"]);
        var pdf = await response.BodyAsync();
        var lines = PdfText.Lines(pdf);
        var text = string.Join("\n", lines);
        Assert.Contains(name, text);
        Assert.Contains(id, text);
        Assert.Contains("张市监罚〔2026〕" + tag, text);
        var reportNo = lines.Single(l => l.StartsWith("报告编号：", StringComparison.Ordinal))["报告编号：".Length..];
        Assert.Contains($"{ReportHost.PublicBase}/credit/verify/{reportNo}", text.Replace("\n", ""));

        await page.GotoAsync(new Uri(grid.BaseAddress, $"/credit/verify/{reportNo}").ToString());
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync(name);
        await Assertions.Expect(main).ToContainTextAsync(reportNo);
        await Assertions.Expect(main).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        await ConsoleBrowser.Screenshot(page, $"portal-verify-{width}.png");

        await page.SetInputFilesAsync("input[name=file]", new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.ClickAsync("form.verify-form button[type=submit]");
        await Assertions.Expect(page.Locator("main strong", new() { HasTextRegex = new("^(不)?一致$") })).ToHaveTextAsync("一致");

        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        await page.SetInputFilesAsync("input[name=file]", new FilePayload { Name = "report.pdf", MimeType = "application/pdf", Buffer = tampered });
        await page.ClickAsync("form.verify-form button[type=submit]");
        await Assertions.Expect(page.Locator("main strong", new() { HasTextRegex = new("^(不)?一致$") })).ToHaveTextAsync("不一致");
        Assert.False(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > innerWidth + 1"));
        await ConsoleBrowser.Screenshot(page, $"portal-verify-tampered-{width}.png");
    }
}
