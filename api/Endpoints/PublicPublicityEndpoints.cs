using CreditGrid.Api.Validation;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "信用张店 public portal": `GET /api/v1/public/publicity?type=licence|penalty&amp;days=30`, the 双公示 publication (L483).</summary>
public static class PublicPublicityEndpoints
{
    public static IEndpointRouteBuilder MapPublicPublicity(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/public/publicity").WithTags("Public portal")
            .MapGet("", Publicity)
            .AllowAnonymous()
            .RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithName("PublicPublicity")
            .WithSummary("双公示: licences valid today or penalties that count today, decided in the last `days` days (default 30), newest first, with `late`; paged")
            .ProducesProblem(400).ProducesProblem(422);
        return app;
    }

    /// <summary>The form's and the API's reading of type and days (docs/portal.md): type defaults to licence, days to 30 (1-3650).</summary>
    public static (string Type, int Days) Read(string? type, string? days)
    {
        var t = type ?? "licence";
        if (t is not ("licence" or "penalty"))
            throw Invalid.Field(StatusCodes.Status400BadRequest, "type", "'type' 应为 licence（行政许可）或 penalty（行政处罚）。", "'type' must be licence or penalty.");
        return (t, Paging.Number(days, "days", 1, 3650, 30));
    }

    private static async Task<Ok<PublicityResponse>> Publicity(string? type, string? days, string? page, string? pageSize,
        IPublicDirectory directory, GridClock clock, HttpContext http)
    {
        var (t, d) = Read(type, days);
        var (p, size) = (Paging.Number(page, "page", 1, int.MaxValue, 1), Paging.Number(pageSize, "pageSize", 1, 500, 50));
        var today = clock.Today;
        var (total, items) = await directory.Publicity(t, today.AddDays(1 - d), today, p, size, http.RequestAborted);
        return TypedResults.Ok(new PublicityResponse(t, d, total, p, size, items));
    }
}

/// <summary>`{ type, days, total, page, pageSize, items }`, newest first.</summary>
public sealed record PublicityResponse(string Type, int Days, long Total, int Page, int PageSize, IReadOnlyList<PublicityItem> Items);
