using CreditGrid.Api.Auth;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Subjects": `GET /api/v1/subjects?q=…` over the subject_summary projection (docs/search.md).</summary>
public static class SearchEndpoints
{
    private static readonly string[] Colors = ["red", "blue", "yellow", "black"];

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/subjects").WithTags("Subjects")
            .MapGet("", Search)
            .RequireAuthorization(Policies.Read)
            .WithName("SearchSubjects")
            .WithSummary("Search subjects by any part of the name (1-2 characters: name prefix) or the start of the identifier; filters kind, grade, color, street, downgraded; paged")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        return app;
    }

    private static async Task<Ok<SearchResponse>> Search(string? q, string? kind, string? grade, string? color, string? street, string? downgraded,
        string? page, string? pageSize, ISubjectSearch search, HttpContext http)
    {
        var query = new SearchQuery(
            Fields.Text(q, "q", 100),
            kind is null ? null : Fields.Kind(kind, "kind"),
            Grade(grade),
            color is null || Colors.Contains(color) ? color
                : throw Invalid.Field(StatusCodes.Status400BadRequest, "color", "'color' 应为 red、blue、yellow 或 black。", "'color' must be red, blue, yellow or black."),
            Fields.Text(street, "street", 100),
            downgraded switch
            {
                null => null,
                "true" => true,
                "false" => false,
                _ => throw Invalid.Field(StatusCodes.Status400BadRequest, "downgraded", "'downgraded' 应为 true 或 false。", "'downgraded' must be true or false."),
            },
            Paging.Number(page, "page", 1, int.MaxValue, 1),
            Paging.Number(pageSize, "pageSize", 1, 500, 50));
        var found = await search.Search(query, http.RequestAborted);
        // A list: person and official IDs masked (http-api Conventions); `ref` opens the subject's page.
        return TypedResults.Ok(new SearchResponse(found.Total, query.Page, query.PageSize, [.. found.Items.Select(h => new SearchItem(
            h.Kind.ToWire(), Mapping.Id(h.Kind, h.Id, authorised: false), h.Name, h.Score, h.Grade, h.Stars, h.Color, h.Downgraded,
            h.Street, h.UpdatedAt, h.Handle))]));
    }

    /// <summary>AAA … D, or 1-6 for officials' stars. A '+' left unencoded in a query string arrives as a space ("A " = "A+").</summary>
    private static string? Grade(string? grade)
    {
        if (grade is null) return null;
        var g = grade.EndsWith(' ') ? grade.TrimEnd() + "+" : grade;
        return GradeDistribution.GradeBuckets.Contains(g) || GradeDistribution.StarBuckets.Contains(g)
            ? g
            : throw Invalid.Field(StatusCodes.Status400BadRequest, "grade", "'grade' 应为 AAA、AA、A+、A、A-、B、C、D 或星级 1-6。", "'grade' must be a grade AAA … D, or stars 1-6.");
    }
}

/// <summary>`{ total, page, pageSize, items }` (http-api Conventions).</summary>
public sealed record SearchResponse(long Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items);

/// <summary>One subject found; <c>ref</c> is its opaque handle for <c>GET /api/v1/subjects/{kind}/{ref}</c> (masked, not audited).</summary>
public sealed record SearchItem(
    string Kind, string Id, string? Name, int? Score, string? Grade, int? Stars, string? Color, bool Downgraded, string? Street,
    string UpdatedAt, string? Ref);
