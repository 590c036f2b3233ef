using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// The public report routes of 信用张店 (http-api "信用张店 public portal"): the public credit report PDF of an
/// enterprise or institution, the verify page of any report number (with a hash check that works without JS), and the
/// printable merchant sign.
/// </summary>
public static class ReportRoutes
{
    public static IServiceCollection AddCreditReports(this IServiceCollection services) =>
        services.AddSingleton<ReportFont>().AddSingleton<ICreditReports, CreditReports>();

    public static IEndpointRouteBuilder MapCreditReports(this IEndpointRouteBuilder app, string publicRateLimit, string? anonymousReadLimit)
    {
        var report = app.MapGet("/credit/{kind}/{id}/report.pdf", PublicReport).AllowAnonymous().WithName("PublicCreditReport")
            .WithSummary("The public credit report (PDF) of an enterprise or institution on a date (?asOf=YYYY-MM-DD): public facts only");
        var verify = app.MapGet("/credit/verify/{reportNo}", VerifyPages.Show).AllowAnonymous().WithName("VerifyCreditReport")
            .WithSummary("The issue record of a credit report: when, for whom, SHA-256 (HTML)");
        app.MapPost("/credit/verify/{reportNo}", VerifyPages.Check).AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(publicRateLimit).WithSummary("Checks an uploaded file's SHA-256 against the issue record (HTML form)")
            .ExcludeFromDescription(); // http-api: HTML form routes are left out of the document
        var sign = app.MapGet("/m/{id}/sign.pdf", SignRoutes.Pdf).AllowAnonymous().WithName("MerchantSignPdf")
            .WithSummary("The printable A5 sign of a merchant: name, colour, QR of {PublicBaseUrl}/m/{id}, portal address");
        var signPng = app.MapGet("/m/{id}/sign.png", SignRoutes.Png).AllowAnonymous().WithName("MerchantSignQrPng")
            .WithSummary("The sign's QR code as a PNG (the same address as the printed sign)");
        if (anonymousReadLimit is not null)
            foreach (var route in new[] { report, verify, sign, signPng }) route.RequireRateLimiting(anonymousReadLimit);
        return app;
    }

    /// <summary>§9: enterprises and institutions only (a person or official is never public: 404, as for no subject).</summary>
    private static async Task<IResult> PublicReport(string kind, string id, string? asOf, HttpRequest request, ICreditReports reports, GridClock clock)
    {
        if (!SubjectKinds.TryParse(kind, out var k) || k is not (SubjectKind.Enterprise or SubjectKind.Institution) || !UnifiedSocialCreditCode.IsValid(id))
            return NoPublicSubject(request, kind, id);
        if (!ReportProblem.TryAsOf(asOf, clock.Today, out var date)) return ReportProblem.BadAsOf(request, asOf);
        var (outcome, issued) = await reports.Issue(k, id, date, ReportAudience.Public, null, request.HttpContext.RequestAborted);
        return outcome switch
        {
            ReportOutcome.NoFont => ReportProblem.NoFont(request),
            ReportOutcome.NoSubject => NoPublicSubject(request, kind, id),
            _ => Pdf(issued!),
        };
    }

    public static IResult Pdf(IssuedReport issued) =>
        Results.File(issued.Pdf, "application/pdf", $"{issued.Issue.ReportNo}.pdf");

    /// <summary>A person's ID is never echoed on a public route (§9).</summary>
    private static IResult NoPublicSubject(HttpRequest request, string kind, string id)
    {
        var shown = UnifiedSocialCreditCode.IsValid(id) && kind is "enterprise" or "institution" ? $" '{id}'" : "";
        return ReportProblem.Of(request, StatusCodes.Status404NotFound,
            $"没有可公开的主体{shown}（公开信用报告只提供企业和机关事业单位）。",
            $"No public subject{shown} (public credit reports are for enterprises and institutions).");
    }
}
