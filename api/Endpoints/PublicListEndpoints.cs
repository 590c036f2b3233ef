using CreditGrid.Api.Validation;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "信用张店 public portal": `GET /api/v1/public/lists/{red|black}`, the 诚信红黑榜 (domain-rules §9) from public_list.</summary>
public static class PublicListEndpoints
{
    public static IEndpointRouteBuilder MapPublicLists(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/public/lists").WithTags("Public portal")
            .MapGet("/{list}", List)
            .AllowAnonymous()
            .RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithName("PublicList")
            .WithSummary("The red or black list (诚信红黑榜), newest first, live from its durable projection; paged")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(422);
        return app;
    }

    private static async Task<IResult> List(string list, string? page, string? pageSize,
        IPublicDirectory directory, GridClock clock, HttpContext http)
    {
        if (!PublicLists.IsList(list)) return Problems.NotFound("没有这个榜单：应为 red（红榜）或 black（黑榜）。", "No such list: red or black.");
        var (p, size) = (Paging.Number(page, "page", 1, int.MaxValue, 1), Paging.Number(pageSize, "pageSize", 1, 500, 50));
        var (total, items) = await directory.List(list, p, size, http.RequestAborted);
        // The list is a live projection: it is as computed at the moment of the read (docs/portal.md).
        return TypedResults.Ok(new PublicListResponse(clock.Now, total, p, size, items));
    }
}

/// <summary>`{ computedAt, total, page, pageSize, items: [ { kind, id, name, grade, reason, since, recordId, unit, stars } ] }`.</summary>
public sealed record PublicListResponse(DateTimeOffset ComputedAt, long Total, int Page, int PageSize, IReadOnlyList<PublicListItem> Items);
