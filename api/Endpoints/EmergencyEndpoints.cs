using CreditGrid.Api.Auth;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Citations;
using CreditGrid.Core.Emergency;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

public sealed record IncidentRequest(string? IncidentId, string? Title, string? Type, string? Severity, string? OccurredAt, string? Location);

public sealed record LevelRequest(int? Level);

public sealed record ReleaseRequest(string? Kind, string? At);

/// <summary>GET /api/v1/emergency-resources: the plan's reference tables.</summary>
public sealed record EmergencyReferenceResponse(
    IReadOnlyList<EventTypeInfo> EventTypes, IReadOnlyList<SupportFunctionInfo> SupportFunctions, IReadOnlyList<ReserveWarehouse> Warehouses,
    IReadOnlyList<FireStation> FireStations, IReadOnlyList<Shelter> Shelters, IReadOnlyList<MedicalUnit> MedicalUnits);

/// <summary>http-api "Emergency plans" (张政字〔2021〕95号, domain-rules §8): the emergency role drives, operators read.</summary>
public static class EmergencyEndpoints
{
    private const long Limit = 16 * 1024;

    public static IEndpointRouteBuilder MapEmergencies(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/v1/emergencies").WithTags("Emergency plans");

        incidents.MapPost("", ReportIncident)
            .RequireAuthorization(Policies.Emergency)
            .WithName("ReportIncident")
            .WithSummary("Report an incident; its category and lead departments come from the plan's table 9.1")
            .Accepts<IncidentRequest>("application/json")
            .WithRequestExample(Examples.IncidentRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        incidents.MapPost("/{id}/warning", Warn)
            .RequireAuthorization(Policies.Emergency)
            .WithName("WarnIncident")
            .WithSummary("Issue, raise or lower the warning: 1 red, 2 orange, 3 yellow, 4 blue (plan 4.2.2)")
            .Accepts<LevelRequest>("application/json")
            .WithRequestExample(Examples.LevelRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        incidents.MapPost("/{id}/warning/lift", LiftWarning)
            .RequireAuthorization(Policies.Emergency)
            .WithName("LiftIncidentWarning")
            .WithSummary("Lift the warning (no body)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        incidents.MapPost("/{id}/response", Respond)
            .RequireAuthorization(Policies.Emergency)
            .WithName("RespondToIncident")
            .WithSummary("Activate or adjust the district response 1-4; the plan's table names who decides and who commands")
            .Accepts<LevelRequest>("application/json")
            .WithRequestExample(Examples.LevelRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        incidents.MapPost("/{id}/releases", Release)
            .RequireAuthorization(Policies.Emergency)
            .WithName("RecordIncidentRelease")
            .WithSummary("Record an information release (authoritative or press-conference); it closes the matching deadline")
            .Accepts<ReleaseRequest>("application/json")
            .WithRequestExample(Examples.ReleaseRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        incidents.MapPost("/{id}/end", End)
            .RequireAuthorization(Policies.Emergency)
            .WithName("EndIncident")
            .WithSummary("End the emergency response (plan 4.4.6; no body)")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        incidents.MapGet("", List)
            .RequireAuthorization(Policies.ReadEmergencies)
            .WithName("ListIncidents")
            .WithSummary("Incidents, active first by severity and response level; ?status=active|ended")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);

        incidents.MapGet("/{id}", Get)
            .RequireAuthorization(Policies.ReadEmergencies)
            .WithName("GetIncident")
            .WithSummary("One incident with its deadlines and full history")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        incidents.MapGet("/{id}/resources", Resources)
            .RequireAuthorization(Policies.ReadEmergencies)
            .WithName("GetIncidentResources")
            .WithSummary("The resources relevant to an incident: warehouses of its lead departments, shelters, fire stations, medical units")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);

        app.MapGet("/api/v1/emergency-resources", Reference)
            .WithTags("Emergency plans")
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithName("GetEmergencyReference")
            .WithSummary("The plan's reference data: event types (9.1), support functions (9.2), warehouses (5.3), fire stations (9.3), shelters (9.4), medical units (9.5)")
            .ProducesProblem(429);
        return app;
    }

    private static async Task<Results<Created<IncidentView>, Ok<IncidentView>, ApiProblem>> ReportIncident(HttpContext http, IGrainFactory grains, GridClock clock)
    {
        var r = await JsonBody.ReadAs<IncidentRequest>(http.Request, Limit);
        var id = Fields.Identifier(r.IncidentId, "incidentId");
        var title = Fields.Text(Fields.Required(r.Title, "title"), "title", 200)!;
        var type = Fields.Required(r.Type, "type");
        if (!EmergencyReference.Default.TryGetType(type, out _))
            throw Invalid.Field(422, "type", $"“{type}”不是{PaperIndex.Default.At(RuleLines.EventTypes)}所列的突发事件类型（GET /api/v1/emergency-resources 列出全部类型）。",
                $"'{type}' is not an event type listed in {PaperIndex.Default.At(RuleLines.EventTypes)} (GET /api/v1/emergency-resources lists them).");
        if (!Severities.TryParse(r.Severity, out var severity))
            throw Invalid.Field(422, "severity", $"severity 应为一般、较大、重大或特别重大（{PaperIndex.Default.At(RuleLines.Severities)}）。",
                $"'severity' is 一般, 较大, 重大 or 特别重大 ({PaperIndex.Default.At(RuleLines.Severities)})."); // L3378
        var occurredAt = Instant(r.OccurredAt, "occurredAt", clock);
        var result = await grains.Incident(id).Report(new IncidentReport(id, title, type, severity, occurredAt, Fields.Text(r.Location, "location", 200), By(http)));
        if (!result.Outcome.IsOk) return Outcomes.Problem(result.Outcome);
        return result.Created ? TypedResults.Created($"/api/v1/emergencies/{id}", result.View) : TypedResults.Ok(result.View);
    }

    private static async Task<Results<Ok<IncidentView>, ApiProblem>> Warn(string id, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.Incident(id).Warn(await Level(http), By(http)), "level");

    private static async Task<Results<Ok<IncidentView>, ApiProblem>> LiftWarning(string id, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.Incident(id).LiftWarning(By(http)));

    private static async Task<Results<Ok<IncidentView>, ApiProblem>> Respond(string id, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.Incident(id).Respond(await Level(http), By(http)), "level");

    private static async Task<Results<Ok<IncidentView>, ApiProblem>> Release(string id, HttpContext http, IGrainFactory grains, GridClock clock)
    {
        var r = await JsonBody.ReadAs<ReleaseRequest>(http.Request, Limit);
        var kind = Fields.Required(r.Kind, "kind");
        if (!ReleaseKinds.IsValid(kind))
            throw Invalid.Field(422, "kind", $"kind 应为 authoritative（权威信息）或 press-conference（新闻发布会）（{PaperIndex.Default.At(RuleLines.ReleaseDeadlines)}）。",
                $"'kind' is authoritative or press-conference ({PaperIndex.Default.At(RuleLines.ReleaseDeadlines)})."); // L3502
        return Answer(await grains.Incident(id).Release(kind, Instant(r.At, "at", clock), By(http)), "at");
    }

    private static async Task<Results<Ok<IncidentView>, ApiProblem>> End(string id, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.Incident(id).End(By(http)));

    private static async Task<Ok<IReadOnlyList<IncidentView>>> List(string? status, IGrainFactory grains)
    {
        if (status is not (null or "active" or "ended")) throw Invalid.Field(400, "status", "'status' 应为 active 或 ended。", "'status' is active or ended.");
        return TypedResults.Ok(await grains.GetGrain<IIncidentDirectoryGrain>(0).List(status));
    }

    private static async Task<Results<Ok<IncidentView>, ApiProblem>> Get(string id, IGrainFactory grains) =>
        await grains.Incident(id).View() is { } view ? TypedResults.Ok(view) : UnknownIncident(id);

    private static async Task<Results<Ok<IncidentResources.Selection>, ApiProblem>> Resources(string id, IGrainFactory grains) =>
        await grains.Incident(id).View() is { } view ? TypedResults.Ok(IncidentResources.For(view)) : UnknownIncident(id);

    private static Ok<EmergencyReferenceResponse> Reference() => TypedResults.Ok(new EmergencyReferenceResponse(
        EmergencyReference.Default.EventTypes, EmergencyReference.Default.SupportFunctions, EmergencyReference.Default.Warehouses,
        EmergencyReference.Default.FireStations, EmergencyReference.Default.Shelters, EmergencyReference.Default.MedicalUnits));

    private static ApiProblem UnknownIncident(string id) => Problems.NotFound($"没有突发事件 '{id}'。", $"No incident '{id}'.");

    private static async Task<int> Level(HttpContext http)
    {
        var r = await JsonBody.ReadAs<LevelRequest>(http.Request, Limit);
        return r.Level ?? throw Invalid.Field(400, "level", "'level'（1至4）为必填项。", "'level' (1 to 4) is required.");
    }

    /// <summary>An ISO 8601 instant with offset or Z in the sane range, not in the future (a minute of clock skew allowed).</summary>
    private static DateTimeOffset Instant(string? text, string field, GridClock clock) => Fields.Instant(text, field, clock.Now.AddMinutes(1));

    private static string By(HttpContext http) => Caller.From(http.User).Department;

    private static Results<Ok<IncidentView>, ApiProblem> Answer(IncidentResult result, string field = "body") =>
        result.Outcome.IsOk ? TypedResults.Ok(result.View!) : Outcomes.Problem(result.Outcome, field: field);
}
