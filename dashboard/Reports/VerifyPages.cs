using System.Security.Cryptography;
using System.Text;
using CreditGrid.Core;
using CreditGrid.Core.Reports;
using CreditGrid.Dashboard.Portal;
using Microsoft.AspNetCore.Http;
using static CreditGrid.Dashboard.Portal.PortalLayout;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// /credit/verify/{reportNo} (domain-rules §9: the verification link confirms the report was issued and is unchanged):
/// the issue record, and a form that checks a file (or a pasted SHA-256) against it, answering 一致 or 不一致. It
/// works without JavaScript. A person's or official's report never names them here: the page is public.
/// </summary>
public static class VerifyPages
{
    private const long MaxUpload = 20 * 1024 * 1024;

    public static async Task<IResult> Show(string reportNo, IReportIssues issues, CancellationToken ct) =>
        await Find(reportNo, issues, ct) is { } issue ? Page("报告核验", Body(issue, null)) : Unknown();

    public static async Task<IResult> Check(string reportNo, HttpRequest request, IReportIssues issues, CancellationToken ct)
    {
        if (await Find(reportNo, issues, ct) is not { } issue) return Unknown();
        if (request.ContentLength > MaxUpload)
            return Message(StatusCodes.Status413PayloadTooLarge, "文件过大", "请上传不超过 20 MB 的信用报告 PDF 文件。");
        if (!request.HasFormContentType) return Page("报告核验", Body(issue, "请选择要核验的报告文件，或填写其 SHA-256 摘要。"), status: StatusCodes.Status400BadRequest);
        var form = await request.ReadFormAsync(ct);
        string? hash = null;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        }
        else if (form["sha256"].ToString().Trim() is { Length: > 0 } typed) hash = typed.ToLowerInvariant();
        if (hash is null) return Page("报告核验", Body(issue, "请选择要核验的报告文件，或填写其 SHA-256 摘要。"), status: StatusCodes.Status400BadRequest);
        var same = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(issue.Sha256));
        var verdict = same
            ? $"<p class=\"verify-ok\"><strong>一致</strong>：该文件与编号 {E(issue.ReportNo)} 的出具记录相符，内容未被改动。</p>"
            : $"<p class=\"verify-bad\"><strong>不一致</strong>：该文件与编号 {E(issue.ReportNo)} 的出具记录不符，可能已被改动，请以重新出具的报告为准。</p>";
        return Page("报告核验", verdict + Body(issue, null));
    }

    private static async Task<ReportIssue?> Find(string reportNo, IReportIssues issues, CancellationToken ct) =>
        CreditReports.IsReportNo(reportNo) ? await issues.Find(reportNo, ct) : null;

    private static IResult Unknown() => Message(StatusCodes.Status404NotFound, "未找到该报告", "没有这个编号的信用报告出具记录，请核对报告上的编号。");

    private static string Body(ReportIssue i, string? hint)
    {
        // §9: persons and officials are never on a public page; their (full) reports are named by kind only.
        var subject = i.Kind.IsNaturalPerson()
            ? $"{SubjectKinds.ChineseName(i.Kind)}（不公开）"
            : $"{E(i.SubjectName ?? "（未登记名称）")}（{E(i.SubjectId)}）";
        var sb = new StringBuilder();
        sb.Append("<link rel=\"stylesheet\" href=\"/credit/reports.css\">")
          .Append("<h1>信用报告核验</h1>")
          .Append("<p>本页列示信用报告的出具记录。纸质或转发的报告，可用其 SHA-256 摘要核对是否与出具时一致。</p>")
          .Append("<dl class=\"verify-record\">")
          .Append("<dt>报告编号</dt><dd>").Append(E(i.ReportNo)).Append("</dd>")
          .Append("<dt>出具时间</dt><dd>").Append(E(ReportContent.Instant(i.IssuedAt))).Append("</dd>")
          .Append("<dt>评价日期</dt><dd>").Append(E(ReportContent.Day(i.AsOf))).Append("</dd>")
          .Append("<dt>报告主体</dt><dd>").Append(subject).Append("</dd>")
          .Append("<dt>报告版本</dt><dd>").Append(i.Audience == ReportAudience.Full ? "完整版（信用中心出具）" : "公开版").Append("</dd>")
          .Append("<dt>文件大小</dt><dd>").Append(i.Size).Append(" 字节</dd>")
          .Append("<dt>SHA-256</dt><dd class=\"verify-hash\">").Append(E(i.Sha256)).Append("</dd></dl>");
        if (hint is not null) sb.Append("<p class=\"verify-bad\">").Append(E(hint)).Append("</p>");
        sb.Append("<form class=\"verify-form\" method=\"post\" enctype=\"multipart/form-data\" action=\"/credit/verify/").Append(E(i.ReportNo)).Append("\">")
          .Append("<label>报告文件（PDF）<input type=\"file\" name=\"file\" accept=\"application/pdf\"></label>")
          .Append("<label>或填写 SHA-256 摘要<input type=\"text\" name=\"sha256\" maxlength=\"64\" autocomplete=\"off\" spellcheck=\"false\"></label>")
          .Append("<button type=\"submit\">核验</button></form>");
        return sb.ToString();
    }
}
