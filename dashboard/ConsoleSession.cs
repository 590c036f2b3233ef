using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Dashboard;

/// <summary>
/// GET /api/v1/session: the calling key's department and roles, so the console offers only the actions that key may take
/// (http-api "Live dashboard": "the console offers the actions that key's other roles allow"). Project's choice, in OpenAPI.
/// </summary>
public static class ConsoleSession
{
    /// <summary>The department claim the API key handler sets (api/Auth/ApiKeyAuthentication.DepartmentClaim).</summary>
    private const string DepartmentClaim = "department";

    public sealed record SessionResponse(string Department, IReadOnlyList<string> Roles);

    public static IEndpointRouteBuilder MapConsoleSession(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/session", (HttpContext http) => Results.Ok(new SessionResponse(
                http.User.FindFirstValue(DepartmentClaim) ?? "",
                [.. http.User.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)])))
            .RequireAuthorization()
            .WithSummary("The calling key's department and roles (what the console may offer)")
            .Produces<SessionResponse>().ProducesProblem(401);
        return app;
    }
}
