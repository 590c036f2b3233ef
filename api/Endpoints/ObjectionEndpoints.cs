using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>Objection handling (L815): resolve, and the open / overdue / closed lists.</summary>
public static class ObjectionEndpoints
{
    public static IEndpointRouteBuilder MapObjections(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/objections/{objectionId}/resolve", (string objectionId, HttpContext http, IObjectionRegistry objections, IGrainFactory grains, GridClock clock) => Guard.Run(async () =>
            {
                var request = await JsonBody.ReadAs<ResolveRequest>(http.Request, 16 * 1024);
                if (request.Upheld is not { } upheld) throw Invalid.Field(StatusCodes.Status400BadRequest, "upheld", "'upheld' (true or false) is required.");
                Fields.Text(request.Note, "note", 2000);
                var objection = await objections.Find(objectionId, http.RequestAborted);
                if (objection is null) return Problems.NotFound($"No objection '{objectionId}'.");
                if (objection.Status != "open") return Problems.Conflict($"Objection '{objectionId}' is already closed.");
                var today = clock.Today;
                await grains.Records(objection.SubjectKind, objection.SubjectId).CloseObjection(objection.RecordId, today, upheld, request.Note);
                await objections.Close(objectionId, upheld, request.Note, today, http.RequestAborted);
                return Results.Ok(new { objectionId, status = "closed", upheld, recordStatus = upheld ? "revoked" : "active" });
            }))
            .RequireAuthorization(Policies.CreditCenter)
            .WithSummary("Resolve an objection: upheld revokes the record, otherwise it is closed")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/api/v1/objections", (string? status, HttpContext http, IObjectionRegistry objections, GridClock clock) => Guard.Run(async () =>
            {
                if (status is not (null or "open" or "overdue" or "closed"))
                    throw Invalid.Field(StatusCodes.Status400BadRequest, "status", "'status' is open, overdue or closed.");
                var today = clock.Today;
                var list = await objections.List(status, today, http.RequestAborted);
                return Results.Ok(list.Select(o => Mapping.Objection(o, today, authorised: false)).ToList());
            }))
            .RequireAuthorization(Policies.Read)
            .WithSummary("Objections by status (open, overdue, closed); personal IDs masked")
            .Produces<List<ObjectionResponse>>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);

        app.MapGet("/api/v1/audit", async (int? limit, IAuditTrail audit, HttpContext http) =>
            {
                var entries = await audit.Recent(Math.Clamp(limit ?? 200, 1, 5000), http.RequestAborted);
                return Results.Ok(entries.Select(e => new AuditResponse(e.At.ToString("O"), e.Actor, e.Department, e.Role, e.Action,
                    Core.SubjectKinds.ToWire(e.SubjectKind), Mapping.Id(e.SubjectKind, e.SubjectId, authorised: false), e.Purpose)).ToList()); // a list: IDs masked (issue 11 item 8)
            })
            .RequireAuthorization(Policies.CreditCenter)
            .WithSummary("Who read which personal data, when and why (credit centre)")
            .Produces<List<AuditResponse>>().ProducesProblem(401).ProducesProblem(403);
        return app;
    }
}
