using CreditGrid.Api.Auth;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Live dashboard" statistics: the grade distribution and the departments' 双公示 timeliness (L483).</summary>
public static class StatsEndpoints
{
    public sealed record DepartmentTimelinessResponse(string Department, int Total, int OnTime, int Late, double OnTimeRate);

    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/v1/stats").WithTags("Statistics").RequireAuthorization(Policies.Read);

        stats.MapGet("/grades", Grades)
            .WithName("GetGradeStatistics")
            .WithSummary("Live grade distribution per subject kind")
            .ProducesProblem(401).ProducesProblem(403);

        stats.MapGet("/departments", Departments)
            .WithName("GetDepartmentTimeliness")
            .WithSummary("双公示 on-time rate per department: decisions published within 7 days")
            .ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<Ok<GradeDistribution>> Grades(IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IStatsGrain>(0).Grades());

    private static async Task<Ok<List<DepartmentTimelinessResponse>>> Departments(IDepartmentTimeliness timeliness, CancellationToken ct) =>
        TypedResults.Ok((await timeliness.All(ct)).Select(d => new DepartmentTimelinessResponse(d.Department, d.Total, d.OnTime, d.Late, d.OnTimeRate)).ToList());
}
