using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Subjects": the audit log of personal-data reads (credit centre).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/audit").WithTags("Audit")
            .MapGet("", Recent)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("ListAudit")
            .WithSummary("Who read which personal data, when and why (credit centre); ?limit= 1-5000, default 200; IDs masked")
            .ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<Ok<List<AuditResponse>>> Recent(int? limit, IAuditTrail audit, HttpContext http)
    {
        var entries = await audit.Recent(Math.Clamp(limit ?? 200, 1, 5000), http.RequestAborted);
        // A list: IDs masked (issue 11 item 8).
        return TypedResults.Ok(entries.Select(e => new AuditResponse(Extensions.ApiJson.Instant(e.At), e.Actor, e.Department, e.Role, e.Action,
            Core.SubjectKinds.ToWire(e.SubjectKind), Mapping.Id(e.SubjectKind, e.SubjectId, authorised: false), e.Purpose)).ToList());
    }
}
