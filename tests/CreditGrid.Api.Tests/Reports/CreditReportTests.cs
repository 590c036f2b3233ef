using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using CreditGrid.Api.Tests.Desk;

namespace CreditGrid.Api.Tests.Reports;

/// <summary>
/// domain-rules §9 信用报告: the public report of an enterprise read back with PdfPig (identity, grade without score,
/// every counted record with its explanation and citation, no revoked record), its issue record at /credit/verify with
/// the SHA-256 of the bytes, and a copy with one byte changed that fails the check.
/// </summary>
public class CreditReportTests(ReportHost grid) : IClassFixture<ReportHost>
{
    private async Task<(string Id, string Counted, string Revoked)> EnterpriseWithRecords()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name = "张店报告测试商贸有限公司" })).StatusCode);
        var counted = "张市监罚〔2026〕" + Random.Shared.Next(1000, 9999) + "号";
        var revoked = "张市监罚〔2026〕撤" + Random.Shared.Next(1000, 9999) + "号";
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-NOTICE", occurredAt = "2026-11-02", actionRef = counted });
        var wrong = await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-NOTICE", occurredAt = "2026-11-03", actionRef = revoked });
        var record = wrong.GetProperty("recordIds")[0].GetString();
        var revoke = await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "误报", decisionRef = "张信〔2026〕9号" }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/licences", DeskCalls.Licence(id))).StatusCode);
        return (id, counted, revoked);
    }

    private async Task<byte[]> PublicReport(string id, string? asOf = null)
    {
        var response = await grid.Client().GetAsync($"/credit/enterprise/{id}/report.pdf" + (asOf is null ? "" : $"?asOf={asOf}"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string ReportNo(IReadOnlyList<string> lines) =>
        lines.Single(l => l.StartsWith("报告编号：", StringComparison.Ordinal))["报告编号：".Length..];

    [Fact]
    public async Task The_public_report_of_an_enterprise_reads_back_with_its_grade_counted_record_citation_and_no_score_or_revoked_record()
    {
        var (id, counted, revoked) = await EnterpriseWithRecords();
        var subject = await (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{id}")).Body();
        var grade = subject.GetProperty("grade").GetString();

        var lines = PdfText.Lines(await PublicReport(id));
        var text = string.Join("\n", lines);
        Assert.Contains("张店区公共信用报告（公开版）", lines);
        Assert.Contains("名称：张店报告测试商贸有限公司", lines);
        Assert.Contains($"统一社会信用代码：{id}", lines);
        Assert.Contains("评价日期：2026-11-28", lines);
        Assert.Contains($"信用等级：{grade}", lines);
        Assert.Matches(@"^XYBG-20261128-[0-9A-Z]{8}$", ReportNo(lines));
        Assert.Contains(counted, text);
        Assert.Contains(lines, l => l.StartsWith("依据：", StringComparison.Ordinal) && l.Contains('《'));
        Assert.Contains(lines, l => l.StartsWith("说明：", StringComparison.Ordinal));
        Assert.Contains("食品经营许可证", text);
        Assert.Contains($"{ReportHost.PublicBase}/credit/verify/", text.Replace("\n", ""));
        // §9: never a score on a public page, revoked records disappear.
        Assert.DoesNotContain("信用分", text);
        Assert.DoesNotContain(revoked, text);
        Assert.DoesNotMatch(@"L\d{2,}", text); // people-facing text cites paper and article, never a seed line
    }

    [Fact]
    public async Task The_verify_page_shows_the_issue_record_with_the_sha256_and_a_tampered_byte_fails_the_check()
    {
        var (id, _, _) = await EnterpriseWithRecords();
        var pdf = await PublicReport(id);
        var reportNo = ReportNo(PdfText.Lines(pdf));
        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));

        var page = await grid.Client().GetStringAsync($"/credit/verify/{reportNo}");
        Assert.Contains(hash, page);
        Assert.Contains("张店报告测试商贸有限公司", page);
        Assert.Matches(@"<dt>出具时间</dt><dd>2026-11-28T02:\d\d:\d\dZ</dd>", page); // the host's clock starts at 2026-11-28T02:00:00Z
        Assert.Contains("公开版", page);

        Assert.Contains("<strong>一致</strong>", await Upload(reportNo, pdf));
        var tampered = (byte[])pdf.Clone();
        tampered[tampered.Length / 2] ^= 0x01;
        var answer = await Upload(reportNo, tampered);
        Assert.Contains("<strong>不一致</strong>", answer);
        Assert.DoesNotContain("<strong>一致</strong>", answer);

        // A hash typed by hand works without a file too.
        using var typed = new FormUrlEncodedContent(new Dictionary<string, string> { ["sha256"] = hash.ToUpperInvariant() });
        Assert.Contains("<strong>一致</strong>", await (await grid.Client().PostAsync($"/credit/verify/{reportNo}", typed)).Content.ReadAsStringAsync());
    }

    private async Task<string> Upload(string reportNo, byte[] file)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "file", "report.pdf");
        var response = await grid.Client().PostAsync($"/credit/verify/{reportNo}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_unknown_report_number_is_a_404_page_and_the_issue_record_survives_a_restart()
    {
        var (id, _, _) = await EnterpriseWithRecords();
        var reportNo = ReportNo(PdfText.Lines(await PublicReport(id, "2026-11-15")));
        var unknown = await grid.Client().GetAsync("/credit/verify/XYBG-20261128-00000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有这个编号的信用报告", await unknown.Content.ReadAsStringAsync());
        await grid.Restart();
        var page = await grid.Client().GetStringAsync($"/credit/verify/{reportNo}");
        Assert.Contains("2026-11-15", page);
    }

    [Fact]
    public async Task A_person_has_no_public_report_and_a_bad_asOf_is_a_chinese_400()
    {
        var person = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", person, new { name = "李四" })).StatusCode);
        var response = await grid.Client().GetAsync($"/credit/person/{person}/report.pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(person, await response.Content.ReadAsStringAsync());

        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "日期测试公司" });
        var bad = await grid.Client().GetAsync($"/credit/enterprise/{enterprise}/report.pdf?asOf=2027-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("不晚于今天", problem.GetProperty("detail").GetString());
    }
}
