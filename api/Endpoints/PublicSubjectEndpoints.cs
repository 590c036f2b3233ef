using CreditGrid.Api.Validation;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "信用张店 public portal": `GET /api/v1/public/subjects?q=` (anonymous; enterprises and institutions only, §9).</summary>
public static class PublicSubjectEndpoints
{
    public static IEndpointRouteBuilder MapPublicSubjects(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/public/subjects").WithTags("Public portal")
            .MapGet("", Lookup)
            .AllowAnonymous()
            .RequireRateLimiting(PublicLimits.PublicSearch)
            .WithName("PublicLookup")
            .WithSummary("Public lookup of enterprises and institutions by any part of the name or the start of the code: grade, category and street colour, never a score, person or official; paged")
            .ProducesProblem(400).ProducesProblem(422).ProducesProblem(429);
        return app;
    }

    private static async Task<Ok<PublicSubjectsResponse>> Lookup(string? q, string? page, string? pageSize, ISubjectSearch search, IPublicDirectory directory, HttpContext http)
    {
        var text = Fields.Text(q?.Trim(), "q", 100);
        if (string.IsNullOrEmpty(text))
            throw Invalid.Field(StatusCodes.Status400BadRequest, "q", "请输入名称或统一社会信用代码（'q'）。", "'q' (a name or a unified social credit code) is required.");
        var (p, size) = (Paging.Number(page, "page", 1, int.MaxValue, 1), Paging.Number(pageSize, "pageSize", 1, 500, 50));
        var (total, items) = await PublicLookup.Find(search, directory, text, p, size, http.RequestAborted);
        return TypedResults.Ok(new PublicSubjectsResponse(total, p, size, items));
    }
}

/// <summary>`{ total, page, pageSize, items: [ { kind, id, name, grade, category, color } ] }`.</summary>
public sealed record PublicSubjectsResponse(long Total, int Page, int PageSize, IReadOnlyList<PublicHit> Items);
