using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using Microsoft.AspNetCore.Builder;
using CreditGrid.Api.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>GET /api/v1/catalog/{kind}: the indicator catalogue (public, domain-rules §2).</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/catalog").WithTags("Catalogue")
            .MapGet("/{kind}", Get)
            .WithName("GetCatalog")
            .WithSummary("The indicator catalogue of a subject kind")
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .ProducesProblem(404).ProducesProblem(429);
        return app;
    }

    private static Results<Ok<IReadOnlyList<CatalogEntry>>, ApiProblem> Get(string kind) =>
        SubjectKinds.TryParse(kind, out var k)
            ? TypedResults.Ok(IndicatorCatalog.Default.Of(k))
            : Problems.NotFound(
                $"'{kind}' 不是主体类型：应为 enterprise、person、official、merchant 或 institution（merchant 按企业指标表计分）。",
                $"'{kind}' is not a subject kind; use enterprise, person, official, merchant or institution (a merchant is scored with the enterprise table).");
}
