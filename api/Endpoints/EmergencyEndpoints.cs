using CreditGrid.Api.Auth;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Citations;
using CreditGrid.Core.Emergency;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

public sealed record IncidentRequest(string? IncidentId, string? Title, string? Type, string? Severity, string? OccurredAt, string? Location);

public sealed record LevelRequest(int? Level);

public sealed record ReleaseRequest(string? Kind, string? At);

/// <summary>http-api "Emergency plans" (张政字〔2021〕95号, domain-rules §8): the emergency role drives, operators read.</summary>
public static class EmergencyEndpoints
{
    private const long Limit = 16 * 1024;

    public static IEndpointRouteBuilder MapEmergencies(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/emergencies", (HttpContext http, IGrainFactory grains, GridClock clock) => Guard.Run(async () =>
            {
                var r = await JsonBody.ReadAs<IncidentRequest>(http.Request, Limit);
                var id = Fields.Identifier(r.IncidentId, "incidentId");
                var title = Fields.Text(Fields.Required(r.Title, "title"), "title", 200)!;
                var type = Fields.Required(r.Type, "type");
                if (!EmergencyReference.Default.TryGetType(type, out _))
                    throw Invalid.Field(422, "type", $"“{type}”不是{PaperIndex.Default.At(RuleLines.EventTypes)}所列的突发事件类型（GET /api/v1/emergency-resources 列出全部类型）。");
                if (!Severities.TryParse(r.Severity, out var severity))
                    throw Invalid.Field(422, "severity", $"severity 应为一般、较大、重大或特别重大（{PaperIndex.Default.At(RuleLines.Severities)}）。"); // L3378
                var occurredAt = Instant(r.OccurredAt, "occurredAt", clock);
                var result = await grains.Incident(id).Report(new IncidentReport(id, title, type, severity, occurredAt, Fields.Text(r.Location, "location", 200), By(http)));
                return Outcome(result, $"/api/v1/emergencies/{id}");
            }))
            .RequireAuthorization(Policies.Emergency)
            .WithSummary("Report an incident; its category and lead departments come from table 9.1")
            .Produces<IncidentView>(201).Produces<IncidentView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        app.MapPost("/api/v1/emergencies/{id}/warning", (string id, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
                Outcome(await grains.Incident(id).Warn(await Level(http), By(http)), null)))
            .RequireAuthorization(Policies.Emergency)
            .WithSummary("Issue, raise or lower the warning: 1 red, 2 orange, 3 yellow, 4 blue (L3443)")
            .Produces<IncidentView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        app.MapPost("/api/v1/emergencies/{id}/warning/lift", (string id, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
                Outcome(await grains.Incident(id).LiftWarning(By(http)), null)))
            .RequireAuthorization(Policies.Emergency)
            .WithSummary("Lift the warning").Produces<IncidentView>().ProducesProblem(404).ProducesProblem(409);

        app.MapPost("/api/v1/emergencies/{id}/response", (string id, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
                Outcome(await grains.Incident(id).Respond(await Level(http), By(http)), null)))
            .RequireAuthorization(Policies.Emergency)
            .WithSummary("Activate or adjust the district response 1-4; the commander follows L3386")
            .Produces<IncidentView>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);

        app.MapPost("/api/v1/emergencies/{id}/releases", (string id, HttpContext http, IGrainFactory grains, GridClock clock) => Guard.Run(async () =>
            {
                var r = await JsonBody.ReadAs<ReleaseRequest>(http.Request, Limit);
                var kind = Fields.Required(r.Kind, "kind");
                if (!ReleaseKinds.IsValid(kind)) throw Invalid.Field(422, "kind", $"kind 应为 authoritative（权威信息）或 press-conference（新闻发布会）（{PaperIndex.Default.At(RuleLines.ReleaseDeadlines)}）。"); // L3502
                return Outcome(await grains.Incident(id).Release(kind, Instant(r.At, "at", clock), By(http)), null);
            }))
            .RequireAuthorization(Policies.Emergency)
            .WithSummary("Record an information release; it closes the matching deadline (L3502)")
            .Produces<IncidentView>().ProducesProblem(404).ProducesProblem(415).ProducesProblem(422);

        app.MapPost("/api/v1/emergencies/{id}/end", (string id, HttpContext http, IGrainFactory grains) => Guard.Run(async () =>
                Outcome(await grains.Incident(id).End(By(http)), null)))
            .RequireAuthorization(Policies.Emergency)
            .WithSummary("End the emergency response (§4.4.6)").Produces<IncidentView>().ProducesProblem(404).ProducesProblem(409);

        app.MapGet("/api/v1/emergencies", (string? status, IGrainFactory grains) => Guard.Run(async () =>
            {
                if (status is not (null or "active" or "ended")) throw Invalid.Field(400, "status", "'status' is active or ended.");
                return Results.Ok(await grains.GetGrain<IIncidentDirectoryGrain>(0).List(status));
            }))
            .RequireAuthorization(Policies.ReadEmergencies)
            .WithSummary("Incidents, active first by severity and response level").Produces<IReadOnlyList<IncidentView>>();

        app.MapGet("/api/v1/emergencies/{id}", async (string id, IGrainFactory grains) =>
                await grains.Incident(id).View() is { } view ? Results.Ok(view) : Problems.NotFound($"No incident '{id}'."))
            .RequireAuthorization(Policies.ReadEmergencies)
            .WithSummary("One incident with its deadlines and full history").Produces<IncidentView>().ProducesProblem(404);

        app.MapGet("/api/v1/emergencies/{id}/resources", async (string id, IGrainFactory grains) =>
                await grains.Incident(id).View() is { } view ? Results.Ok(IncidentResources.For(view)) : Problems.NotFound($"No incident '{id}'."))
            .RequireAuthorization(Policies.ReadEmergencies)
            .WithSummary("The resources relevant to an incident: warehouses of its lead departments, shelters, fire stations, medical units");

        app.MapGet("/api/v1/emergency-resources", () => Results.Ok(new
            {
                eventTypes = EmergencyReference.Default.EventTypes,
                supportFunctions = EmergencyReference.Default.SupportFunctions,
                warehouses = EmergencyReference.Default.Warehouses,
                fireStations = EmergencyReference.Default.FireStations,
                shelters = EmergencyReference.Default.Shelters,
                medicalUnits = EmergencyReference.Default.MedicalUnits,
            }))
            .AllowAnonymous().RequireRateLimiting(PublicLimits.AnonymousReads)
            .WithSummary("The plan's reference data: event types (9.1), support functions (9.2), warehouses (§5.3), fire stations (9.3), shelters (9.4), medical units (9.5)");
        return app;
    }

    private static async Task<int> Level(HttpContext http)
    {
        var r = await JsonBody.ReadAs<LevelRequest>(http.Request, Limit);
        return r.Level ?? throw Invalid.Field(400, "level", "'level' (1 to 4) is required.");
    }

    /// <summary>An ISO 8601 instant with offset or Z in the sane range, not in the future (a minute of clock skew allowed).</summary>
    private static DateTimeOffset Instant(string? text, string field, GridClock clock) => Fields.Instant(text, field, clock.Now.AddMinutes(1));

    private static string By(HttpContext http) => Caller.From(http.User).Department;

    private static IResult Outcome(IncidentResult result, string? createdAt) => result switch
    {
        { ErrorStatus: 404 } => Problems.NotFound(result.Error!),
        { ErrorStatus: 409 } => Problems.Conflict(result.Error!),
        { ErrorStatus: { } status } => Problems.Invalid(status, result.Error!, new Dictionary<string, string[]> { ["body"] = [result.Error!] }),
        { Created: true } when createdAt is not null => Results.Created(createdAt, result.View),
        _ => Results.Ok(result.View),
    };
}
