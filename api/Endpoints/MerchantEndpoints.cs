using CreditGrid.Api.Auth;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Citations;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Merchants;
using CreditGrid.Core.Rules;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Merchant street": inspections, rectification, expulsion, complaints, reviews (L3328-L3338); statistics live in StatsEndpoints.</summary>
public static class MerchantEndpoints
{
    public const long PublicLimit = 8 * 1024;

    public static IEndpointRouteBuilder MapMerchants(this IEndpointRouteBuilder app)
    {
        var merchants = app.MapGroup("/api/v1/merchants").WithTags("Merchant street");
        var complaints = app.MapGroup("/api/v1/complaints").WithTags("Merchant street");

        merchants.MapPost("/{id}/inspections", Inspect)
            .RequireAuthorization(Policies.Report)
            .WithName("RecordInspection")
            .WithSummary("Record an inspection and its findings with rectification deadlines (no findings: a clean inspection)")
            .Accepts<InspectionRequest>("application/json")
            .WithRequestExample(Examples.InspectionRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        merchants.MapPost("/{id}/findings/{findingId}/rectify", Rectify)
            .RequireAuthorization(Policies.Report)
            .WithName("RectifyFinding")
            .WithSummary("Mark a finding rectified (the department that found it, or the credit centre)")
            .Accepts<RectifyRequest>("application/json")
            .WithRequestExample(Examples.RectifyRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(415).ProducesProblem(422);

        merchants.MapPost("/{id}/expel", Expel)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("ExpelMerchant")
            .WithSummary("Expel a merchant from the street (black); the body with a reason is optional")
            .Accepts<ExpelRequest>(isOptional: true, "application/json")
            .WithRequestExample(Examples.ExpelRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        merchants.MapPost("/{id}/readmit", Readmit)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("ReadmitMerchant")
            .WithSummary("Readmit an expelled merchant (no body)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        merchants.MapPost("/{id}/complaints", Complain)
            .AllowAnonymous().RequireRateLimiting(PublicLimits.Policy)
            .WithName("SubmitComplaint")
            .WithSummary("A consumer complaint (public, rate-limited per address)")
            .Accepts<ComplaintRequest>("application/json")
            .WithRequestExample(Examples.ComplaintRequest)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429);

        complaints.MapPost("/{complaintId}/verdict", Verdict)
            .RequireAuthorization(Policies.Report)
            .WithName("GiveComplaintVerdict")
            .WithSummary("A verdict on a complaint: any reporter gives the first, then only that department or the credit centre")
            .Accepts<VerdictRequest>("application/json")
            .WithRequestExample(Examples.VerdictRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);

        complaints.MapPost("/{complaintId}/resolve", Resolve)
            .RequireAuthorization(Policies.Report)
            .WithName("ResolveComplaint")
            .WithSummary("A substantiated complaint is resolved (the verdict's department, or the credit centre; no body)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        merchants.MapPost("/{id}/reviews", Review)
            .AllowAnonymous().RequireRateLimiting(PublicLimits.Policy)
            .WithName("SubmitReview")
            .WithSummary("A consumer review, 1-5 stars (public, rate-limited per address)")
            .Accepts<ReviewRequest>("application/json")
            .WithRequestExample(Examples.ReviewRequest)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(415).ProducesProblem(422).ProducesProblem(429);

        merchants.MapGet("/streets", Streets)
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithName("ListStreets").WithSummary("Streets with merchants").ProducesProblem(429);

        // Issue 11 item 12: an unknown street is answered from the directory, never by activating a street grain.
        merchants.MapGet("/board", Board)
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithName("GetStreetBoard")
            .WithSummary("The street board: colours and counts against the street's targets (?street=, default 水晶街)").ProducesProblem(404).ProducesProblem(429);

        merchants.MapGet("/exemplary", Exemplary)
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithName("GetExemplaryMerchants")
            .WithSummary("The ten 诚信经营示范店 of a street (?street=, default 水晶街)").ProducesProblem(404).ProducesProblem(429);
        return app;
    }

    private static async Task<Results<Created<MerchantStatusResponse>, Ok<MerchantStatusResponse>, ApiProblem>> Inspect(
        string id, HttpContext http, IGrainFactory grains, GridClock clock)
    {
        var caller = Caller.From(http.User);
        var inspection = Validate(await JsonBody.ReadAs<InspectionRequest>(http.Request, 64 * 1024), caller.Department, clock.Today);
        var result = await grains.Merchant(id).Inspect(inspection);
        return await Outcome(grains, id, result, $"/api/v1/merchants/{id}");
    }

    private static async Task<Results<Created<MerchantStatusResponse>, Ok<MerchantStatusResponse>, ApiProblem>> Rectify(
        string id, string findingId, HttpContext http, IGrainFactory grains, GridClock clock)
    {
        var request = await JsonBody.ReadAs<RectifyRequest>(http.Request, PublicLimit);
        var at = Fields.NotFuture(Fields.Date(request.RectifiedAt, "rectifiedAt"), clock.Today, "rectifiedAt");
        return await Outcome(grains, id, await grains.Merchant(id).Rectify(findingId, at, Actor(http)), null, "rectifiedAt");
    }

    private static async Task<Results<Created<MerchantStatusResponse>, Ok<MerchantStatusResponse>, ApiProblem>> Expel(string id, HttpContext http, IGrainFactory grains)
    {
        var request = http.Request.ContentLength is > 0 ? await JsonBody.ReadAs<ExpelRequest>(http.Request, PublicLimit) : new ExpelRequest(null);
        return await Outcome(grains, id, await grains.Merchant(id).SetExpelled(true, Fields.Text(request.Reason, "reason", 2000), Actor(http).Department), null);
    }

    private static async Task<Results<Created<MerchantStatusResponse>, Ok<MerchantStatusResponse>, ApiProblem>> Readmit(string id, HttpContext http, IGrainFactory grains) =>
        await Outcome(grains, id, await grains.Merchant(id).SetExpelled(false, null, Actor(http).Department), null);

    private static async Task<Results<Created<ComplaintCreated>, ApiProblem>> Complain(string id, HttpContext http, IGrainFactory grains, ComplaintLimit limit)
    {
        var request = await JsonBody.ReadAs<ComplaintRequest>(http.Request, PublicLimit);
        var text = Fields.Text(Fields.Required(request.Text, "text"), "text", 2000)!;
        var contact = Fields.Text(request.Contact, "contact", 200);
        if (!await grains.IsMerchant(id)) return NoMerchant(id);
        var result = await grains.Merchant(id).Complain(new ComplaintSubmission(text, contact, ComplaintLimit.SourceOf(http.Connection.RemoteIpAddress), limit.PerMerchantPerDay));
        if (!result.Found) return NoMerchant(id);
        if (!result.Outcome.IsOk) return Outcomes.Problem(result.Outcome);
        return TypedResults.Created($"/api/v1/complaints/{result.CreatedId}", new ComplaintCreated(result.CreatedId!));
    }

    private static async Task<Results<Created<MerchantStatusResponse>, Ok<MerchantStatusResponse>, ApiProblem>> Verdict(string complaintId, HttpContext http, IGrainFactory grains)
    {
        var request = await JsonBody.ReadAs<VerdictRequest>(http.Request, PublicLimit);
        if (request.Substantiated is not { } substantiated)
            throw Invalid.Field(400, "substantiated", "'substantiated'（true 或 false）为必填项。", "'substantiated' (true or false) is required.");
        var merchant = MerchantOf(complaintId);
        if (merchant is null || !await grains.IsMerchant(merchant)) return NoComplaint(complaintId);
        return await Outcome(grains, merchant, await grains.Merchant(merchant).Verdict(complaintId, substantiated, Actor(http)), null);
    }

    private static async Task<Results<Created<MerchantStatusResponse>, Ok<MerchantStatusResponse>, ApiProblem>> Resolve(string complaintId, HttpContext http, IGrainFactory grains)
    {
        var merchant = MerchantOf(complaintId);
        if (merchant is null || !await grains.IsMerchant(merchant)) return NoComplaint(complaintId);
        return await Outcome(grains, merchant, await grains.Merchant(merchant).ResolveComplaint(complaintId, Actor(http)), null);
    }

    private static async Task<Results<Created<ReviewCreated>, ApiProblem>> Review(string id, HttpContext http, IGrainFactory grains, ReviewLimit limit)
    {
        var request = await JsonBody.ReadAs<ReviewRequest>(http.Request, PublicLimit);
        if (request.Stars is not { } stars) throw Invalid.Field(400, "stars", "'stars'（1至5）为必填项。", "'stars' (1 to 5) is required.");
        if (stars is < 1 or > 5) throw Invalid.Field(422, "stars", "'stars' 应为1至5。", "'stars' is 1 to 5.");
        if (!await grains.IsMerchant(id)) return NoMerchant(id);
        var result = await grains.Merchant(id).Review(new ReviewSubmission(stars, Fields.Text(request.Text, "text", 500),
            ReviewLimit.SourceOf(http.Connection.RemoteIpAddress), limit.PerMerchantPerDay)); // issue 15 item 6: one a day per address
        if (!result.Found) return NoMerchant(id);
        if (!result.Outcome.IsOk) return Outcomes.Problem(result.Outcome);
        return TypedResults.Created($"/m/{id}", new ReviewCreated(id, stars));
    }

    private static async Task<Ok<IReadOnlyList<string>>> Streets(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IStreetDirectoryGrain>(0).Streets());

    private static async Task<Results<Ok<StreetBoard>, ApiProblem>> Board(string? street, IGrainFactory grains)
    {
        var name = string.IsNullOrWhiteSpace(street) ? "水晶街" : street;
        if (!await grains.GetGrain<IStreetDirectoryGrain>(0).HasStreet(name)) return NoStreet(name);
        return TypedResults.Ok(await grains.GetGrain<IStreetGrain>(name).Board());
    }

    private static async Task<Results<Ok<IReadOnlyList<ExemplaryMerchant>>, ApiProblem>> Exemplary(string? street, IGrainFactory grains)
    {
        var name = string.IsNullOrWhiteSpace(street) ? "水晶街" : street;
        if (!await grains.GetGrain<IStreetDirectoryGrain>(0).HasStreet(name)) return NoStreet(name);
        return TypedResults.Ok(await grains.GetGrain<IStreetGrain>(name).Exemplary());
    }

    private static ApiProblem NoMerchant(string id) => Problems.NotFound($"没有商户 '{id}'。", $"No merchant '{id}'.");

    private static ApiProblem NoComplaint(string id) => Problems.NotFound($"没有投诉 '{id}'。", $"No complaint '{id}'.");

    private static ApiProblem NoStreet(string name) => Problems.NotFound($"“{name}”没有商户。", $"No merchants on '{name}'.");

    private static Inspection Validate(InspectionRequest r, string department, DateOnly today)
    {
        var id = Fields.Identifier(r.InspectionId, "inspectionId");
        var date = Fields.NotFuture(Fields.Date(r.Date, "date"), today, "date");
        var findings = new List<FindingReport>();
        var list = r.Findings ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"findings[{i}]";
            // [null] binds as a null element: the caller's 400, not a NullReferenceException (issue 11 fuzzer).
            var f = list[i] ?? throw Invalid.Field(400, at, $"'{at}' 应为 JSON 对象。", $"'{at}' must be an object.");
            var findingId = Fields.Identifier(f.FindingId, at + ".findingId");
            var area = Fields.Required(f.Area, at + ".area");
            if (!MerchantColors.InspectionAreas.Contains(area))
                throw Invalid.Field(422, at + ".area", $"“{area}”不是{PaperIndex.Default.At(RuleLines.InspectionAreas)}所列的检查领域：{string.Join("、", MerchantColors.InspectionAreas)}。",
                    $"'{area}' is not an inspection area of {PaperIndex.Default.At(RuleLines.InspectionAreas)}: {string.Join(", ", MerchantColors.InspectionAreas)}."); // L3336
            var problem = Fields.Text(Fields.Required(f.Problem, at + ".problem"), at + ".problem", 1000)!;
            var deadline = Fields.Date(f.Deadline, at + ".deadline");
            if (deadline < date) throw Invalid.Field(422, at + ".deadline", "整改期限早于检查日期。", "The rectification deadline is before the inspection.");
            // http-api Conventions: a finding's deadline at most 10 years after its inspection date (9999-12-31 once stored and broke the merchant).
            Fields.AtMostYearsAfter(deadline, date, at + ".deadline", "检查日期");
            if (findings.Exists(x => x.FindingId == findingId)) throw Invalid.Field(422, at + ".findingId", $"findingId '{findingId}' 出现了两次。", $"findingId '{findingId}' appears twice.");
            findings.Add(new FindingReport(findingId, area, problem, deadline));
        }
        return new Inspection(id, date, department, findings);
    }

    /// <summary>The caller as the street grains judge it: its department, and whether it is the credit centre (http-api roles).</summary>
    private static StreetActor Actor(HttpContext http)
    {
        var caller = Caller.From(http.User);
        return new StreetActor(caller.Department, caller.Is(Roles.CreditCenter));
    }

    /// <summary>Complaint ids are "&lt;merchant code&gt;-C&lt;n&gt;".</summary>
    private static string? MerchantOf(string complaintId)
    {
        var cut = complaintId.LastIndexOf("-C", StringComparison.Ordinal);
        return cut > 0 ? complaintId[..cut] : null;
    }

    private static async Task<Results<Created<MerchantStatusResponse>, Ok<MerchantStatusResponse>, ApiProblem>> Outcome(
        IGrainFactory grains, string id, MerchantCommandResult result, string? createdAt, string field = "body")
    {
        if (!result.Found)
            return Outcomes.Problem(result.Outcome, new($"商户 '{id}' 没有该编号的商户、检查问题或投诉。", $"No merchant, finding or complaint of that id on '{id}'."));
        if (!result.Outcome.IsOk) return Outcomes.Problem(result.Outcome, field: field);
        var view = await grains.Merchant(id).View(null);
        var body = new MerchantStatusResponse(id, view?.Color, view?.Evaluation.Grade, view?.Evaluation.Score ?? 0);
        return createdAt is not null && result.Created ? TypedResults.Created(createdAt, body) : TypedResults.Ok(body);
    }
}

/// <summary>201 of a consumer complaint.</summary>
public sealed record ComplaintCreated(string ComplaintId);

/// <summary>201 of a consumer review.</summary>
public sealed record ReviewCreated(string MerchantId, int Stars);
