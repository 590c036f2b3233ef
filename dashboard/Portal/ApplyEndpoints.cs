using CreditGrid.Core.Applications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Dashboard.Portal;

/// <summary>
/// 异议与修复 pages of 信用张店 (http-api "信用张店 public portal", domain-rules §10): GET /credit/apply (the form, which
/// may be prefilled from the query: type, subjectKind, subjectId, recordId), POST /credit/apply, GET /credit/apply/{id}
/// (asks for the code), POST /credit/apply/{id} and POST /credit/apply/track (show the status). The code travels in a
/// POST body, not in an address that browsers and proxies keep. Same rules and messages as the JSON API (ApplicationIntake).
/// </summary>
public static class ApplyEndpoints
{
    private const long Limit = 16 * 1024;
    private static readonly FormOptions Options = new() { ValueCountLimit = 64, ValueLengthLimit = (int)Limit, MultipartBodyLengthLimit = Limit, BufferBody = false };

    public static IEndpointRouteBuilder MapCreditApply(this IEndpointRouteBuilder app, string publicRateLimit, string trackingRateLimit)
    {
        app.MapGet("/credit/apply", (string? type, string? subjectKind, string? subjectId, string? recordId) =>
                PortalLayout.Page("异议与修复", ApplyPages.Form(new ApplicationInput(type, subjectKind, subjectId, recordId, null, null), null), "/credit/apply"))
            .AllowAnonymous().RequireRateLimiting(trackingRateLimit).ExcludeFromDescription();
        app.MapPost("/credit/apply", Submit)
            .AllowAnonymous().RequireRateLimiting(publicRateLimit).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/credit/apply/track", async (HttpRequest request, ApplicationIntake intake) =>
            {
                var form = await Read(request);
                if (form is null) return Malformed();
                return await Show(form["applicationId"].ToString().Trim(), form["code"].ToString().Trim(), intake, request.HttpContext.RequestAborted);
            })
            .AllowAnonymous().RequireRateLimiting(trackingRateLimit).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/credit/apply/{applicationId}", (string applicationId) =>
                PortalLayout.Page("申请办理进度", ApplyPages.Ask(applicationId, wrongCode: false), "/credit/apply"))
            .AllowAnonymous().RequireRateLimiting(trackingRateLimit).ExcludeFromDescription();
        app.MapPost("/credit/apply/{applicationId}", async (string applicationId, HttpRequest request, ApplicationIntake intake) =>
            {
                var form = await Read(request);
                if (form is null) return Malformed();
                return await Show(applicationId, form["code"].ToString().Trim(), intake, request.HttpContext.RequestAborted);
            })
            .AllowAnonymous().RequireRateLimiting(trackingRateLimit).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Submit(HttpRequest request, ApplicationIntake intake)
    {
        var form = await Read(request);
        if (form is null) return Malformed();
        var input = new ApplicationInput(Value(form, "type"), Value(form, "subjectKind"), Value(form, "subjectId"), Value(form, "recordId"),
            Value(form, "reason"), Value(form, "contact"));
        var (application, code, problem) = await intake.Submit(input, request.HttpContext.RequestAborted);
        if (problem is not null)
            return PortalLayout.Page("异议与修复", ApplyPages.Form(input, problem), "/credit/apply", problem.Status);
        return PortalLayout.Page("申请已提交", ApplyPages.Submitted(application!, code!), "/credit/apply", StatusCodes.Status201Created);
    }

    private static async Task<IResult> Show(string applicationId, string code, ApplicationIntake intake, CancellationToken ct)
    {
        var found = applicationId.Length is > 0 and <= 64 ? await intake.Track(applicationId, code, ct) : null;
        return found is null
            ? PortalLayout.Page("申请办理进度", ApplyPages.Ask(applicationId, wrongCode: true), "/credit/apply", StatusCodes.Status404NotFound)
            : PortalLayout.Page("申请办理进度", ApplyPages.Status(found), "/credit/apply");
    }

    private static string? Value(IFormCollection form, string name) => form.TryGetValue(name, out var v) && v.Count > 0 ? v.ToString() : null;

    private static async Task<IFormCollection?> Read(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentLength > Limit) return null;
        try { return await new FormFeature(request, Options).ReadFormAsync(request.HttpContext.RequestAborted); }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException) { return null; }
    }

    private static IResult Malformed() => PortalLayout.Message(StatusCodes.Status400BadRequest, "表单格式不正确", "请返回申请页面重新填写。");
}
