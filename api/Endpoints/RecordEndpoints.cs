using CreditGrid.Api.Auth;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Calendar;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Record workflows": revoke (L817), repair (L816, L2488), objections (L815).</summary>
public static class RecordEndpoints
{
    private const long Limit = 16 * 1024;

    /// <summary>200 and 201 of an objection opened on a record.</summary>
    public sealed record ObjectionOpened(string ObjectionId, string Status, string DueAt);

    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var records = app.MapGroup("/api/v1/records").WithTags("Record workflows");

        records.MapPost("/{recordId}/revoke", Revoke)
            .RequireAuthorization(Policies.Report)
            .WithName("RevokeRecord")
            .WithSummary("Revoke a record (the credit centre, or the department that reported it); it and everything derived from it stop counting")
            .Accepts<RevokeRequest>("application/json")
            .WithRequestExample(Examples.RevokeRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(415).ProducesProblem(422);

        records.MapPost("/{recordId}/repair", Repair)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("RepairRecord")
            .WithSummary("Repair a record (credit centre); a person's repairable dishonesty row becomes the −80 row for 2 years")
            .Accepts<RepairRequest>("application/json")
            .WithRequestExample(Examples.RepairRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(415).ProducesProblem(422);

        records.MapPost("/{recordId}/objections", Object)
            .RequireAuthorization(Policies.Object)
            .WithName("OpenObjection")
            .WithSummary("Object to a record; due in 3 working days, 7 when other units must verify")
            .Accepts<ObjectionRequest>("application/json")
            .WithRequestExample(Examples.ObjectionRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        return app;
    }

    private static async Task<Results<Ok<RecordActionResponse>, ApiProblem>> Revoke(
        string recordId, HttpContext http, IRecordDirectory records, IGrainFactory grains, GridClock clock)
    {
        var caller = Caller.From(http.User);
        var request = await JsonBody.ReadAs<RevokeRequest>(http.Request, Limit);
        Fields.Text(request.Reason, "reason", 2000);
        Fields.Text(request.DecisionRef, "decisionRef", 200);
        var location = await records.Find(recordId, http.RequestAborted);
        if (location is null) return Unknown(recordId);
        if (!caller.Is(Roles.CreditCenter) && location.Department != caller.Department)
            return Problems.Forbidden($"只有区社会信用中心（credit-center）或报送该记录的部门（{location.Department}）可以撤销该记录。",
                $"Only the credit centre (credit-center) or the department that reported the record ({location.Department}) may revoke it.");
        var result = await grains.Records(location.Kind, location.SubjectId).Revoke(recordId, clock.Today, request.Reason, request.DecisionRef);
        return Outcome(recordId, result, "revoked");
    }

    private static async Task<Results<Ok<RecordActionResponse>, ApiProblem>> Repair(
        string recordId, HttpContext http, IRecordDirectory records, IGrainFactory grains, GridClock clock, Core.Applications.IApplicationRegistry applications)
    {
        var request = await JsonBody.ReadAs<RepairRequest>(http.Request, Limit);
        var repairedAt = Fields.NotFuture(Fields.Date(request.RepairedAt, "repairedAt"), clock.Today, "repairedAt");
        Fields.Text(request.Reason, "reason", 2000);
        var location = await records.Find(recordId, http.RequestAborted);
        if (location is null) return Unknown(recordId);
        // domain-rules §10: a repair that answers a portal application names it; the application must be an accepted repair of this record.
        if (request.ApplicationId is { } applicationId && await RepairApplications.Check(applicationId, recordId, applications, http.RequestAborted) is { } refused)
            return refused;
        var result = await grains.Records(location.Kind, location.SubjectId).Repair(recordId, repairedAt, request.Reason);
        if (request.ApplicationId is not null && result.Found && result.Error is null)
            await RepairApplications.Repaired(request.ApplicationId, request.Reason, applications, clock, http.RequestAborted);
        return Outcome(recordId, result, "repaired");
    }

    private static async Task<Results<Created<ObjectionOpened>, Ok<ObjectionOpened>, ApiProblem>> Object(string recordId, HttpContext http, IRecordDirectory records,
        IObjectionRegistry objections, IGrainFactory grains, GridClock clock, WorkingCalendar calendar)
    {
        var request = await JsonBody.ReadAs<ObjectionRequest>(http.Request, Limit);
        var objectionId = Fields.Identifier(request.ObjectionId, "objectionId");
        Fields.Text(request.Reason, "reason", 2000);
        var location = await records.Find(recordId, http.RequestAborted);
        if (location is null) return Unknown(recordId);
        // The subject grain owns the objection (issue 11, item 15); the registry is its projection and only tells
        // whether the id is already used on another subject's record.
        if (await objections.Find(objectionId, http.RequestAborted) is { } known && known.RecordId != recordId) return Reused(objectionId);
        var today = clock.Today;
        var needsOthers = request.NeedsOtherUnits ?? false;
        var due = WorkingDays.ObjectionDue(today, needsOthers, calendar);
        var result = await grains.Records(location.Kind, location.SubjectId).OpenObjection(
            new NewObjection(objectionId, recordId, request.Reason, needsOthers, today, due));
        if (result.Outcome == ObjectionOutcome.NoRecord) return Unknown(recordId);
        if (result.Outcome == ObjectionOutcome.OtherRecord || result.Objection is not { } stored) return Reused(objectionId);
        var body = new ObjectionOpened(objectionId, stored.Status, Mapping.Day(stored.DueAt));
        return result.Outcome == ObjectionOutcome.Created ? TypedResults.Created($"/api/v1/objections/{objectionId}", body) : TypedResults.Ok(body);
    }

    private static ApiProblem Unknown(string recordId) => Problems.NotFound($"没有记录 '{recordId}'。", $"No record '{recordId}'.");

    private static ApiProblem Reused(string objectionId) =>
        Problems.Conflict($"objectionId '{objectionId}' 已用于另一条记录。", $"objectionId '{objectionId}' is already used for another record.");

    private static Results<Ok<RecordActionResponse>, ApiProblem> Outcome(string recordId, RecordCommandResult result, string status) =>
        !result.Found ? Unknown(recordId)
        : result.Error is { } error ? Problems.Invalid(StatusCodes.Status422UnprocessableEntity, new Bilingual(error, result.EnglishError ?? error), "recordId")
        : TypedResults.Ok(new RecordActionResponse(recordId, status, result.AffectedRecordIds));
}
