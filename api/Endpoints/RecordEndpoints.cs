using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Calendar;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Record workflows": revoke (L817), repair (L816, L2488), objections (L815).</summary>
public static class RecordEndpoints
{
    private const long Limit = 16 * 1024;

    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/records/{recordId}/revoke", (string recordId, HttpContext http, IRecordDirectory records, IGrainFactory grains, GridClock clock) => Guard.Run(async () =>
            {
                var caller = Caller.From(http.User);
                var request = await JsonBody.ReadAs<RevokeRequest>(http.Request, Limit);
                Fields.Text(request.Reason, "reason", 2000);
                Fields.Text(request.DecisionRef, "decisionRef", 200);
                var location = await records.Find(recordId, http.RequestAborted);
                if (location is null) return Problems.NotFound($"No record '{recordId}'.");
                if (!caller.Is(Roles.CreditCenter) && location.Department != caller.Department)
                    return Problems.Forbidden("Only the credit centre or the reporting department may revoke this record.");
                var result = await grains.Records(location.Kind, location.SubjectId).Revoke(recordId, clock.Today, request.Reason, request.DecisionRef);
                return Outcome(recordId, result, "revoked");
            }))
            .RequireAuthorization(Policies.Report)
            .WithSummary("Revoke a record; it and everything derived from it stop counting")
            .Produces<RecordActionResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        app.MapPost("/api/v1/records/{recordId}/repair", (string recordId, HttpContext http, IRecordDirectory records, IGrainFactory grains, GridClock clock) => Guard.Run(async () =>
            {
                var request = await JsonBody.ReadAs<RepairRequest>(http.Request, Limit);
                var repairedAt = Fields.NotFuture(Fields.Date(request.RepairedAt, "repairedAt"), clock.Today, "repairedAt");
                Fields.Text(request.Reason, "reason", 2000);
                var location = await records.Find(recordId, http.RequestAborted);
                if (location is null) return Problems.NotFound($"No record '{recordId}'.");
                var result = await grains.Records(location.Kind, location.SubjectId).Repair(recordId, repairedAt, request.Reason);
                return Outcome(recordId, result, "repaired");
            }))
            .RequireAuthorization(Policies.CreditCenter)
            .WithSummary("Repair a record (credit centre); the person L3270 row becomes the −80 row for 2 years")
            .Produces<RecordActionResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

        app.MapPost("/api/v1/records/{recordId}/objections", (string recordId, HttpContext http, IRecordDirectory records, IObjectionRegistry objections,
                IGrainFactory grains, GridClock clock, WorkingCalendar calendar) => Guard.Run(async () =>
            {
                var request = await JsonBody.ReadAs<ObjectionRequest>(http.Request, Limit);
                var objectionId = Fields.Identifier(request.ObjectionId, "objectionId");
                Fields.Text(request.Reason, "reason", 2000);
                var location = await records.Find(recordId, http.RequestAborted);
                if (location is null) return Problems.NotFound($"No record '{recordId}'.");
                var today = clock.Today;
                var needsOthers = request.NeedsOtherUnits ?? false;
                var due = WorkingDays.ObjectionDue(today, needsOthers, calendar);
                var (created, stored) = await objections.Open(new Objection(objectionId, recordId, location.Kind, location.SubjectId, request.Reason,
                    needsOthers, today, due, "open", null, null, null), http.RequestAborted);
                if (!created && stored.RecordId != recordId)
                    return Problems.Conflict($"objectionId '{objectionId}' is already used for another record.");
                var result = await grains.Records(location.Kind, location.SubjectId).OpenObjection(recordId, stored.OpenedAt);
                if (!result.Found) return Problems.NotFound($"No record '{recordId}'.");
                var body = new { objectionId, status = stored.Status, dueAt = Mapping.Day(stored.DueAt) };
                return created ? Results.Created($"/api/v1/objections/{objectionId}", body) : Results.Ok(body);
            }))
            .RequireAuthorization(Policies.Object)
            .WithSummary("Object to a record; due in 3 working days, 7 when other units must verify (L815)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static IResult Outcome(string recordId, RecordCommandResult result, string status) =>
        !result.Found ? Problems.NotFound($"No record '{recordId}'.")
        : result.Error is { } error ? Problems.Invalid(StatusCodes.Status422UnprocessableEntity, error, new Dictionary<string, string[]> { ["recordId"] = [error] })
        : Results.Ok(new RecordActionResponse(recordId, status, result.AffectedRecordIds));
}
