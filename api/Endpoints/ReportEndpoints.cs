using CreditGrid.Api.Auth;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// http-api "信用张店 public portal": the full credit report of any subject (operator, credit-center), with its score and
/// every record and status; audited for persons and officials (domain-rules §9: a person's report is given through the
/// credit centre's window). The public report is /credit/{kind}/{id}/report.pdf (dashboard/Reports).
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/subjects").WithTags("Reports");
        reports.MapGet("/{kind}/{id}/report.pdf", FullReport)
            .RequireAuthorization(Policies.Read)
            .WithName("GetFullCreditReport")
            .WithSummary("The full credit report (PDF) of any subject on a date (?asOf=YYYY-MM-DD), with its reportNo; audited for persons and officials")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).ProducesProblem(503);
        return app;
    }

    private static async Task<IResult> FullReport(string kind, string id, string? asOf, HttpContext http,
        ICreditReports reports, IAuditTrail audit, GridClock clock)
    {
        if (!SubjectKinds.TryParse(kind, out var k))
            return Problems.NotFound($"'{kind}' 不是主体类型：应为 enterprise、person、official、merchant 或 institution。",
                $"'{kind}' is not a subject kind: use enterprise, person, official, merchant or institution.");
        var date = Fields.OptionalDate(asOf, "asOf");
        // http-api Conventions: asOf at most 10 years ahead of today, as GET /subjects/{kind}/{id}.
        if (date is { } d) Fields.AtMostYearsAfter(d, clock.Today, "asOf", "今天");
        var caller = Caller.From(http.User);
        var (outcome, issued) = await reports.Issue(k, id, date, ReportAudience.Full, caller.KeyId, http.RequestAborted);
        if (outcome == ReportOutcome.NoFont)
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, new Bilingual(
                "信用报告暂不可用：服务器上未找到中文字体文件（配置项 Reports:FontPath，或安装 Debian 软件包 fonts-droid-fallback）。",
                "Credit reports are unavailable: no CJK font file was found on the server (setting Reports:FontPath, or install the Debian package fonts-droid-fallback)."));
        if (outcome == ReportOutcome.NoSubject)
        {
            var shown = k.IsNaturalPerson() ? Mapping.Id(k, id, false) : id;
            return Problems.NotFound($"没有 {kind} '{shown}'。", $"No {kind} '{shown}'.");
        }
        // domain-rules §9: the full report of a person or official is personal data: audited, with the report number.
        if (k.IsNaturalPerson())
            await audit.Write(new AuditEntry(clock.Now, caller.KeyId, caller.Department, caller.MainRole(Roles.Operator, Roles.CreditCenter),
                "report-subject", k, id, $"信用报告 {issued!.Issue.ReportNo}"), http.RequestAborted);
        return Results.File(issued!.Pdf, "application/pdf", $"{issued.Issue.ReportNo}.pdf");
    }
}
