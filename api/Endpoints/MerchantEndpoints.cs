using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Citations;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Merchants;
using CreditGrid.Core.Rules;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Merchant street": inspections, rectification, expulsion, complaints, reviews (L3328-L3338).</summary>
public static class MerchantEndpoints
{
    public const long PublicLimit = 8 * 1024;

    public static IEndpointRouteBuilder MapMerchants(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/merchants/{id}/inspections", (string id, HttpContext http, IGrainFactory grains, GridClock clock) => Guard.Run(async () =>
            {
                var caller = Caller.From(http.User);
                var inspection = Validate(await JsonBody.ReadAs<InspectionRequest>(http.Request, 64 * 1024), caller.Department, clock.Today);
                var result = await grains.Merchant(id).Inspect(inspection);
                return await Outcome(grains, id, result, $"/api/v1/merchants/{id}");
            }))
            .RequireAuthorization(Policies.Report)
            .WithSummary("Record an inspection and its findings with rectification deadlines (no findings: a clean inspection)")
            .Produces<MerchantStatusResponse>(201).Produces<MerchantStatusResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        app.MapPost("/api/v1/merchants/{id}/findings/{findingId}/rectify", (string id, string findingId, HttpContext http, IGrainFactory grains, GridClock clock) => Guard.Run(async () =>
            {
                var request = await JsonBody.ReadAs<RectifyRequest>(http.Request, PublicLimit);
                var at = Fields.NotFuture(Fields.Date(request.RectifiedAt, "rectifiedAt"), clock.Today, "rectifiedAt");
                return await Outcome(grains, id, await grains.Merchant(id).Rectify(findingId, at, Actor(http)), null);
            }))
            .RequireAuthorization(Policies.Report)
            .WithSummary("Mark a finding rectified (the department that found it, or the credit centre)")
            .Produces<MerchantStatusResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

        app.MapPost("/api/v1/merchants/{id}/expel", (string id, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
            {
                var request = http.Request.ContentLength is > 0 ? await JsonBody.ReadAs<ExpelRequest>(http.Request, PublicLimit) : new ExpelRequest(null);
                return await Outcome(grains, id, await grains.Merchant(id).SetExpelled(true, Fields.Text(request.Reason, "reason", 2000), Actor(http).Department), null);
            }))
            .RequireAuthorization(Policies.CreditCenter)
            .WithSummary("Expel a merchant from the street (black)").Produces<MerchantStatusResponse>().ProducesProblem(404);

        app.MapPost("/api/v1/merchants/{id}/readmit", (string id, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
                await Outcome(grains, id, await grains.Merchant(id).SetExpelled(false, null, Actor(http).Department), null)))
            .RequireAuthorization(Policies.CreditCenter)
            .WithSummary("Readmit an expelled merchant").Produces<MerchantStatusResponse>().ProducesProblem(404);

        app.MapPost("/api/v1/merchants/{id}/complaints", (string id, HttpContext http, IGrainFactory grains, ComplaintLimit limit) => Guard.Run(async () =>
            {
                var request = await JsonBody.ReadAs<ComplaintRequest>(http.Request, PublicLimit);
                var text = Fields.Text(Fields.Required(request.Text, "text"), "text", 2000)!;
                var contact = Fields.Text(request.Contact, "contact", 200);
                if (!await grains.IsMerchant(id)) return Problems.NotFound($"No merchant '{id}'.");
                var result = await grains.Merchant(id).Complain(new ComplaintSubmission(text, contact, ComplaintLimit.SourceOf(http.Connection.RemoteIpAddress), limit.PerMerchantPerDay));
                if (result.ErrorStatus == StatusCodes.Status429TooManyRequests) return PublicLimits.TooMany(result.Error!);
                return result.Found ? Results.Created($"/api/v1/complaints/{result.CreatedId}", new { complaintId = result.CreatedId }) : Problems.NotFound($"No merchant '{id}'.");
            }))
            .AllowAnonymous().RequireRateLimiting(PublicLimits.Policy)
            .WithSummary("A consumer complaint (public, rate-limited per address)").ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(429);

        app.MapPost("/api/v1/complaints/{complaintId}/verdict", (string complaintId, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
            {
                var request = await JsonBody.ReadAs<VerdictRequest>(http.Request, PublicLimit);
                if (request.Substantiated is not { } substantiated) throw Invalid.Field(400, "substantiated", "'substantiated' (true or false) is required.");
                var merchant = MerchantOf(complaintId);
                if (merchant is null || !await grains.IsMerchant(merchant)) return Problems.NotFound($"No complaint '{complaintId}'.");
                return await Outcome(grains, merchant, await grains.Merchant(merchant).Verdict(complaintId, substantiated, Actor(http)), null);
            }))
            .RequireAuthorization(Policies.Report)
            .WithSummary("A verdict on a complaint: any reporter gives the first, then only that department or the credit centre")
            .Produces<MerchantStatusResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapPost("/api/v1/complaints/{complaintId}/resolve", (string complaintId, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
            {
                var merchant = MerchantOf(complaintId);
                if (merchant is null || !await grains.IsMerchant(merchant)) return Problems.NotFound($"No complaint '{complaintId}'.");
                return await Outcome(grains, merchant, await grains.Merchant(merchant).ResolveComplaint(complaintId, Actor(http)), null);
            }))
            .RequireAuthorization(Policies.Report)
            .WithSummary("A substantiated complaint is resolved (the verdict's department, or the credit centre)")
            .Produces<MerchantStatusResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        app.MapPost("/api/v1/merchants/{id}/reviews", (string id, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
            {
                var request = await JsonBody.ReadAs<ReviewRequest>(http.Request, PublicLimit);
                if (request.Stars is not { } stars) throw Invalid.Field(400, "stars", "'stars' (1 to 5) is required.");
                if (stars is < 1 or > 5) throw Invalid.Field(422, "stars", "'stars' is 1 to 5.");
                if (!await grains.IsMerchant(id)) return Problems.NotFound($"No merchant '{id}'.");
                var result = await grains.Merchant(id).AddReview(stars, Fields.Text(request.Text, "text", 500));
                return result.Found ? Results.Created($"/m/{id}", new { merchantId = id, stars }) : Problems.NotFound($"No merchant '{id}'.");
            }))
            .AllowAnonymous().RequireRateLimiting(PublicLimits.Policy)
            .WithSummary("A consumer review, 1-5 stars (public, rate-limited per address)").ProducesProblem(400).ProducesProblem(404).ProducesProblem(422).ProducesProblem(429);

        app.MapGet("/api/v1/merchants/streets", async (IGrainFactory grains) => Results.Ok(await grains.GetGrain<IStreetDirectoryGrain>(0).Streets()))
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads).WithSummary("Streets with merchants");

        // Issue 11 item 12: an unknown street is answered from the directory, never by activating a street grain.
        app.MapGet("/api/v1/merchants/board", async (string? street, IGrainFactory grains) =>
            {
                var name = string.IsNullOrWhiteSpace(street) ? "水晶街" : street;
                if (!await grains.GetGrain<IStreetDirectoryGrain>(0).HasStreet(name)) return Problems.NotFound($"No merchants on '{name}'.");
                return Results.Ok(await grains.GetGrain<IStreetGrain>(name).Board());
            })
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithSummary("The street board: colours, counts against the targets of L3337").Produces<StreetBoard>().ProducesProblem(404).ProducesProblem(429);

        app.MapGet("/api/v1/merchants/exemplary", async (string? street, IGrainFactory grains) =>
            {
                var name = string.IsNullOrWhiteSpace(street) ? "水晶街" : street;
                if (!await grains.GetGrain<IStreetDirectoryGrain>(0).HasStreet(name)) return Problems.NotFound($"No merchants on '{name}'.");
                return Results.Ok(await grains.GetGrain<IStreetGrain>(name).Exemplary());
            })
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithSummary("The ten 诚信经营示范店 of a street (L3338, domain-rules §7)").Produces<IReadOnlyList<ExemplaryMerchant>>().ProducesProblem(404).ProducesProblem(429);

        app.MapGet("/api/v1/stats/grades", async (IGrainFactory grains) => Results.Ok(await grains.GetGrain<IStatsGrain>(0).Grades()))
            .RequireAuthorization(Policies.Read).WithSummary("Live grade distribution per subject kind");

        app.MapGet("/api/v1/stats/departments", async (IDepartmentTimeliness timeliness, CancellationToken ct) =>
                Results.Ok((await timeliness.All(ct)).Select(d => new { d.Department, d.Total, d.OnTime, d.Late, d.OnTimeRate })))
            .RequireAuthorization(Policies.Read).WithSummary("双公示 on-time rate per department (L483)");
        return app;
    }

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
            var f = list[i] ?? throw Invalid.Field(400, at, $"'{at}' 应为 JSON 对象 (must be an object)。");
            var findingId = Fields.Identifier(f.FindingId, at + ".findingId");
            var area = Fields.Required(f.Area, at + ".area");
            if (!MerchantColors.InspectionAreas.Contains(area))
                throw Invalid.Field(422, at + ".area", $"“{area}”不是{PaperIndex.Default.At(RuleLines.InspectionAreas)}所列的检查领域：{string.Join("、", MerchantColors.InspectionAreas)}。"); // L3336
            var problem = Fields.Text(Fields.Required(f.Problem, at + ".problem"), at + ".problem", 1000)!;
            var deadline = Fields.Date(f.Deadline, at + ".deadline");
            if (deadline < date) throw Invalid.Field(422, at + ".deadline", "The rectification deadline is before the inspection.");
            // http-api Conventions: a finding's deadline at most 10 years after its inspection date (9999-12-31 once stored and broke the merchant).
            Fields.AtMostYearsAfter(deadline, date, at + ".deadline", "检查日期");
            if (findings.Exists(x => x.FindingId == findingId)) throw Invalid.Field(422, at + ".findingId", $"findingId '{findingId}' appears twice.");
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

    private static async Task<IResult> Outcome(IGrainFactory grains, string id, MerchantCommandResult result, string? createdAt)
    {
        if (!result.Found) return Problems.NotFound($"No merchant, finding or complaint of that id on '{id}'.");
        if (result.ErrorStatus is { } status)
            return status switch
            {
                StatusCodes.Status403Forbidden => Problems.Forbidden(result.Error!),
                StatusCodes.Status409Conflict => Problems.Conflict(result.Error!),
                _ => Problems.Invalid(status, result.Error!, new Dictionary<string, string[]> { ["body"] = [result.Error!] }),
            };
        var view = await grains.Merchant(id).View(null);
        var body = new MerchantStatusResponse(id, view?.Color, view?.Evaluation.Grade, view?.Evaluation.Score ?? 0);
        return createdAt is not null && result.Created ? Results.Created(createdAt, body) : Results.Ok(body);
    }
}
