using CreditGrid.Api.OpenApi;
using System.Security.Cryptography;
using System.Text.Json;
using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Department desk": licences (谁许可谁录入), their own records, counted in the department's 双公示.</summary>
public static class LicenceEndpoints
{
    public const long BodyLimit = 64 * 1024;

    public static IEndpointRouteBuilder MapLicences(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/licences");
        group.MapPost("", Create)
            .RequireAuthorization(Policies.Report)
            .WithName("CreateLicence")
            .WithSummary("Report a licence (201); the same licenceId with the same body is 200, with another body 409; a merchant's licence is stored on its enterprise")
            .Accepts<LicenceRequest>("application/json")
            .WithRequestExample(Examples.LicenceRequest)
            .Produces<LicenceResponse>(StatusCodes.Status201Created).Produces<LicenceResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        group.MapGet("", List)
            .RequireAuthorization(Policies.ReadEvents)
            .WithName("ListLicences")
            .WithSummary("Licences, newest decision first, of one subject (?subjectId=) or all; paged")
            .Produces<PagedResponse<LicenceResponse>>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, ILicenceRegistry licences, GridClock clock)
    {
        var request = await JsonBody.ReadAs<LicenceRequest>(http.Request, BodyLimit);
        var licence = LicenceValidator.Validate(request, Caller.From(http.User), clock.Today);
        var (outcome, stored) = await licences.Add(licence, Hash(licence), http.RequestAborted);
        return outcome switch
        {
            RecordWrite.Created => TypedResults.Created((string?)null, Map(stored)),
            RecordWrite.Same => TypedResults.Ok(Map(stored)),
            _ => Problems.Conflict($"licenceId“{licence.LicenceId}”已用于另一条许可信息。", $"licenceId '{licence.LicenceId}' was already used for a different licence."),
        };
    }

    private static async Task<IResult> List(string? subjectId, string? page, string? pageSize, ILicenceRegistry licences, HttpContext http)
    {
        var (p, size) = (Paging.Number(page, "page", 1, int.MaxValue, 1), Paging.Number(pageSize, "pageSize", 1, 500, 50));
        var found = await licences.List(Fields.Text(subjectId, "subjectId", 64), p, size, http.RequestAborted);
        return TypedResults.Ok(new PagedResponse<LicenceResponse>(found.Total, p, size, [.. found.Items.Select(Map)]));
    }

    /// <summary>The idempotency hash: the licence as validated, without the day it was received.</summary>
    private static string Hash(Licence l) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(l with { ReportedAt = default, Late = false }, JsonBody.Strict)));

    public static LicenceResponse Map(Licence l) => new(
        l.LicenceId, l.SubjectKind.ToWire(), l.SubjectId, l.Name, l.Number, l.Content, l.DecidedAt, l.ValidFrom, l.ValidTo,
        l.Department, l.ReportedAt, l.Late);
}
