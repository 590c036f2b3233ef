using CreditGrid.Api.OpenApi;
using System.Security.Cryptography;
using System.Text.Json;
using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// http-api "Department desk": credit commitments (domain-rules §10). The status is read from the subject's dossier on
/// every answer: breached while a record naming the commitment (commitmentRef on an E-PLEDGE-* event) is not revoked.
/// </summary>
public static class CommitmentEndpoints
{
    public const long BodyLimit = 64 * 1024;

    public static IEndpointRouteBuilder MapCommitments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/commitments");
        group.MapPost("", Create)
            .RequireAuthorization(Policies.Report)
            .WithName("CreateCommitment")
            .WithSummary("Register a credit commitment (201, status active); the same commitmentId with the same body is 200, with another body 409")
            .Accepts<CommitmentRequest>("application/json")
            .WithRequestExample(Examples.CommitmentRequest)
            .Produces<CommitmentResponse>(StatusCodes.Status201Created).Produces<CommitmentResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);
        group.MapGet("", List)
            .RequireAuthorization(Policies.ReadEvents)
            .WithName("ListCommitments")
            .WithSummary("Commitments with their status (active or breached, breachedBy the record), of one subject (?subjectId=) or all; paged; person and official ids masked")
            .Produces<PagedResponse<CommitmentResponse>>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, ICommitmentRegistry commitments, IGrainFactory grains, GridClock clock)
    {
        var request = await JsonBody.ReadAs<CommitmentRequest>(http.Request, BodyLimit);
        var commitment = CommitmentValidator.Validate(request, Caller.From(http.User), clock.Today);
        // As for events (http-api "Credit events"): a person must be registered first; a known id is answered whatever the registration.
        if (commitment.SubjectKind == SubjectKind.Person && !await grains.Records(SubjectKind.Person, commitment.SubjectId).IsRegistered()
            && await commitments.Find(commitment.CommitmentId, http.RequestAborted) is null)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "subjectId",
                "该个人尚未登记：请先登记（PUT /api/v1/subjects/person/{id}）。", "The person is not registered: register it first with PUT /api/v1/subjects/person/{id}.");
        var (outcome, stored) = await commitments.Add(commitment, Hash(commitment), http.RequestAborted);
        if (outcome == RecordWrite.Conflict)
            return Problems.Conflict($"commitmentId“{commitment.CommitmentId}”已用于另一份承诺。", $"commitmentId '{commitment.CommitmentId}' was already used for a different commitment.");
        var body = Map(stored, await RecordsOf(grains, stored.SubjectKind, stored.SubjectId));
        return outcome == RecordWrite.Created ? TypedResults.Created((string?)null, body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> List(string? subjectId, string? page, string? pageSize, ICommitmentRegistry commitments, IGrainFactory grains, HttpContext http)
    {
        var (p, size) = (Paging.Number(page, "page", 1, int.MaxValue, 1), Paging.Number(pageSize, "pageSize", 1, 500, 50));
        var found = await commitments.List(Fields.Text(subjectId, "subjectId", 64), p, size, http.RequestAborted);
        // One dossier read per subject on the page (a merchant's records are its enterprise's).
        var records = new Dictionary<(SubjectKind, string), IReadOnlyList<RecordEvaluation>>();
        var items = new List<CommitmentResponse>(found.Items.Count);
        foreach (var c in found.Items)
        {
            var key = (c.SubjectKind.ScoredAs(), c.SubjectId);
            if (!records.TryGetValue(key, out var list)) records[key] = list = await RecordsOf(grains, c.SubjectKind, c.SubjectId);
            items.Add(Map(c, list));
        }
        return TypedResults.Ok(new PagedResponse<CommitmentResponse>(found.Total, p, size, items));
    }

    /// <summary>The subject's records today (the dossier the status is derived from); none if the subject has no dossier yet.</summary>
    public static async Task<IReadOnlyList<RecordEvaluation>> RecordsOf(IGrainFactory grains, SubjectKind kind, string id) =>
        (await grains.Records(kind.ScoredAs(), id).View(null))?.Evaluation.Records ?? [];

    private static string Hash(Commitment c) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(c with { RegisteredAt = default }, JsonBody.Strict)));

    private static CommitmentResponse Map(Commitment c, IReadOnlyList<RecordEvaluation> records)
    {
        var (status, breachedBy) = CommitmentStatus.Of(c, records);
        return new CommitmentResponse(c.CommitmentId, c.SubjectKind.ToWire(), Mapping.Id(c.SubjectKind, c.SubjectId, authorised: false),
            c.Kind, c.Text, c.SignedAt, c.Department, c.RegisteredAt, status, breachedBy);
    }
}
