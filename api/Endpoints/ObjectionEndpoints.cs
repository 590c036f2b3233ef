using CreditGrid.Api.Auth;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>Objection handling (L815): resolve, and the open / overdue / closed lists. Opening one is in RecordEndpoints.</summary>
public static class ObjectionEndpoints
{
    /// <summary>200 of a resolved objection.</summary>
    public sealed record ObjectionResolved(string ObjectionId, string Status, bool Upheld, string RecordStatus);

    public static IEndpointRouteBuilder MapObjections(this IEndpointRouteBuilder app)
    {
        var objections = app.MapGroup("/api/v1/objections").WithTags("Record workflows");

        objections.MapPost("/{objectionId}/resolve", Resolve)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("ResolveObjection")
            .WithSummary("Resolve an objection: upheld revokes the record, otherwise it is closed")
            .Accepts<ResolveRequest>("application/json")
            .WithRequestExample(Examples.ResolveRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);

        objections.MapGet("", List)
            .RequireAuthorization(Policies.Read)
            .WithName("ListObjections")
            .WithSummary("Objections by status (open, overdue, closed); personal IDs masked")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<Results<Ok<ObjectionResolved>, ApiProblem>> Resolve(
        string objectionId, HttpContext http, IObjectionRegistry objections, IGrainFactory grains, GridClock clock, Core.Applications.ApplicationIntake applications)
    {
        var request = await JsonBody.ReadAs<ResolveRequest>(http.Request, 16 * 1024);
        if (request.Upheld is not { } upheld)
            throw Invalid.Field(StatusCodes.Status400BadRequest, "upheld", "'upheld'（true 或 false）为必填项。", "'upheld' (true or false) is required.");
        Fields.Text(request.Note, "note", 2000);
        // The projection finds the subject; the subject grain decides (it owns the objection: issue 11, item 15).
        var objection = await objections.Find(objectionId, http.RequestAborted);
        if (objection is null) return Unknown(objectionId);
        var result = await grains.Records(objection.SubjectKind, objection.SubjectId).ResolveObjection(objectionId, clock.Today, upheld, request.Note);
        // domain-rules §10: the portal application that opened this objection (same id) follows its outcome.
        if (result.Outcome is not (ObjectionOutcome.NoObjection or ObjectionOutcome.AlreadyClosed))
            await applications.SettleObjection(objectionId, upheld, request.Note, http.RequestAborted);
        return result.Outcome switch
        {
            ObjectionOutcome.NoObjection => Unknown(objectionId),
            ObjectionOutcome.AlreadyClosed => Problems.Conflict($"异议 '{objectionId}' 已经办结。", $"Objection '{objectionId}' is already closed."),
            _ => TypedResults.Ok(new ObjectionResolved(objectionId, "closed", upheld, upheld ? "revoked" : "active")),
        };
    }

    private static async Task<Ok<List<ObjectionResponse>>> List(string? status, HttpContext http, IObjectionRegistry objections, GridClock clock)
    {
        if (status is not (null or "open" or "overdue" or "closed"))
            throw Invalid.Field(StatusCodes.Status400BadRequest, "status", "'status' 应为 open、overdue 或 closed。", "'status' is open, overdue or closed.");
        var today = clock.Today;
        var list = await objections.List(status, today, http.RequestAborted);
        return TypedResults.Ok(list.Select(o => Mapping.Objection(o, today, authorised: false)).ToList());
    }

    private static ApiProblem Unknown(string objectionId) => Problems.NotFound($"没有异议 '{objectionId}'。", $"No objection '{objectionId}'.");
}
