using CreditGrid.Api.Contracts;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Applications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// http-api "信用张店 public portal": objection and repair applications (domain-rules §10, 87号第二十七条、第二十八条)
/// submitted without a key and followed with number + tracking code. Writes are limited per address
/// (RateLimits:PublicPerMinute), tracking reads like searches (RateLimits:PublicSearchPerMinute).
/// </summary>
public static class PublicApplicationEndpoints
{
    private const long Limit = 16 * 1024;

    public static IEndpointRouteBuilder MapPublicApplications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/public/applications").WithTags("信用张店 public portal").AllowAnonymous();
        group.MapPost("", Submit)
            .RequireRateLimiting(PublicLimits.Policy)
            .WithName("SubmitApplication")
            .WithSummary("Apply for an objection or a repair of a record (public); answers the application number and a tracking code shown once")
            .Accepts<ApplicationRequest>("application/json")
            .WithRequestExample(Examples.ApplicationRequest)
            .Produces<ApplicationCreated>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429);
        group.MapGet("/{applicationId}", Track)
            .RequireRateLimiting(PublicLimits.PublicSearch)
            .WithName("TrackApplication")
            .WithSummary("Follow an application with its tracking code (?code=); a wrong code is 404")
            .Produces<PublicApplicationResponse>().ProducesProblem(404).ProducesProblem(429);
        return app;
    }

    private static async Task<IResult> Submit(HttpContext http, ApplicationIntake intake)
    {
        var r = await JsonBody.ReadAs<ApplicationRequest>(http.Request, Limit);
        var (application, code, problem) = await intake.Submit(new ApplicationInput(r.Type, r.SubjectKind, r.SubjectId, r.RecordId, r.Reason, r.Contact), http.RequestAborted);
        if (problem is not null) throw Invalid.Field(problem.Status, problem.Field, problem.Zh, problem.En);
        return TypedResults.Created($"/api/v1/public/applications/{application!.ApplicationId}",
            new ApplicationCreated(application.ApplicationId, code!, application.Status));
    }

    private static async Task<IResult> Track(string applicationId, string? code, HttpContext http, ApplicationIntake intake)
    {
        var found = await intake.Track(applicationId, code, http.RequestAborted);
        return found is null
            ? Problems.NotFound($"没有申请“{applicationId}”，或查询码不正确。", $"No application '{applicationId}', or the tracking code is wrong.")
            : TypedResults.Ok(Public(found));
    }

    public static PublicApplicationResponse Public(CreditApplication a) => new(
        a.ApplicationId, a.Type, a.Status, a.SubjectKind.ToWire(), Mapping.Id(a.SubjectKind, a.SubjectId, authorised: false), a.RecordId,
        a.ReceivedAt, a.DueAt, Steps(a));

    public static IReadOnlyList<ApplicationStepResponse> Steps(CreditApplication a) => [.. a.History.Select(s => new ApplicationStepResponse(s.At, s.Status, s.Note))];
}
