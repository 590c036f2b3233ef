using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>GET /api/v1/catalog/{kind}: the indicator catalogue (public, domain-rules §2).</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/catalog/{kind}", (string kind) =>
                SubjectKinds.TryParse(kind, out var k)
                    ? Results.Ok(IndicatorCatalog.Default.Of(k))
                    : Results.Problem(
                        title: "Unknown subject kind",
                        detail: $"'{kind}' is not a subject kind; use enterprise, person, official or merchant (a merchant is scored with the enterprise table).",
                        statusCode: StatusCodes.Status404NotFound))
            .WithName("GetCatalog")
            .WithSummary("The indicator catalogue of a subject kind")
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads);
        return app;
    }
}
