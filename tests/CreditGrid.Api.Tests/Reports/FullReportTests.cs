using System.Net;
using System.Text.Json;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Api.Tests.Reports;

/// <summary>
/// http-api: GET /api/v1/subjects/{kind}/{id}/report.pdf (operator, credit-center) is the full report of any subject:
/// the score, every record with its status; for a person it is audited with the report number (domain-rules §9).
/// </summary>
public class FullReportTests(ReportHost grid) : IClassFixture<ReportHost>
{
    [Fact]
    public async Task The_full_report_of_a_person_shows_the_score_and_is_audited_with_its_report_number()
    {
        var person = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", person, new { name = "王五" })).StatusCode);
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-01" });
        var score = (await (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/person/{person}")).Body()).GetProperty("score").GetInt32();

        var response = await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/person/{person}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = PdfText.Lines(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("张店区公共信用报告（完整版）", lines);
        Assert.Contains("名称：王五", lines);
        Assert.Contains($"信用分：{score}", lines);
        Assert.Contains(lines, l => l.Contains("状态：计入"));
        var reportNo = lines.Single(l => l.StartsWith("报告编号：", StringComparison.Ordinal))["报告编号：".Length..];

        var audit = await (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/audit?limit=50")).Body();
        var entry = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "report-subject"
            && e.GetProperty("purpose").GetString()!.Contains(reportNo));
        Assert.Equal(ResidentId.Mask(person), entry.GetProperty("subjectId").GetString());
        Assert.Equal(GridHost.Operator.Length > 0 ? "operator" : "", entry.GetProperty("role").GetString());

        // The public verify page never names the person.
        var page = await grid.Client().GetStringAsync($"/credit/verify/{reportNo}");
        Assert.Contains("完整版", page);
        Assert.Contains("自然人（不公开）", page);
        Assert.DoesNotContain("王五", page);
        Assert.DoesNotContain(person, page);
    }

    [Fact]
    public async Task A_reporter_gets_403_naming_the_roles_and_an_unknown_subject_404()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var forbidden = await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/subjects/enterprise/{enterprise}/report.pdf");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var text = await forbidden.Content.ReadAsStringAsync();
        Assert.Contains("operator", text);
        var missing = await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/subjects/enterprise/{enterprise}/report.pdf");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("没有", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_full_report_of_an_enterprise_lists_a_revoked_record_with_its_status_and_is_not_audited()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "完整报告测试公司" });
        var applied = await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = "E-PEN-NOTICE", occurredAt = "2026-11-02", actionRef = "张市监罚〔2026〕77号" });
        var record = applied.GetProperty("recordIds")[0].GetString();
        await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "误报", decisionRef = "张信〔2026〕7号" }));

        var pdf = await (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/subjects/enterprise/{enterprise}/report.pdf?asOf=2026-11-28")).Content.ReadAsByteArrayAsync();
        var text = string.Join("\n", PdfText.Lines(pdf));
        Assert.Contains("张市监罚〔2026〕77号", text);
        Assert.Contains("状态：已撤销", text);
        var audit = await (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/audit?limit=200")).Body();
        Assert.DoesNotContain(audit.EnumerateArray(), e => e.GetProperty("subjectId").GetString() == enterprise && e.GetProperty("action").GetString() == "report-subject");
    }
}

/// <summary>No CJK font file on the server: the report routes answer a clear 503 problem in Chinese, never a 500.</summary>
public class FontlessReportTests(FontlessHost grid) : IClassFixture<FontlessHost>
{
    [Fact]
    public async Task Without_a_font_file_the_public_and_full_reports_are_a_chinese_503_problem()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "无字体测试公司" });
        foreach (var (path, key) in new[] { ($"/credit/enterprise/{enterprise}/report.pdf", (string?)null), ($"/api/v1/subjects/enterprise/{enterprise}/report.pdf", GridHost.Operator) })
        {
            var response = await grid.Client(key).GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
            Assert.Contains("未找到中文字体文件", detail);
            Assert.Contains("Reports:FontPath", detail);
        }
        var english = new HttpRequestMessage(HttpMethod.Get, $"/credit/enterprise/{enterprise}/report.pdf");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await grid.Client().SendAsync(english);
        Assert.Contains("no CJK font file", await en.Content.ReadAsStringAsync());
    }
}
