using System.Text.Json;
using CreditGrid.Api.Auth;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Credit events": 202 only once the event is durable in the intake log.</summary>
public static class EventEndpoints
{
    public const long SingleLimit = 64 * 1024;
    public const long BatchLimit = 4 * 1024 * 1024;
    public const int BatchMax = 1000;

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/v1").WithTags("Credit events");

        events.MapPost("/events", Push)
            .RequireAuthorization(Policies.Report)
            .WithName("PushEvent")
            .WithSummary("Push one credit event (sanction or commendation); 202 once it is durable in the intake log")
            .Accepts<EventRequest>("application/json")
            .WithRequestExample(Examples.EventRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        events.MapPost("/events:batch", PushBatch)
            .RequireAuthorization(Policies.Report)
            .WithName("PushEventBatch")
            .WithSummary("Push up to 1000 credit events; one result per event, in order")
            .Accepts<BatchRequest>("application/json")
            .WithRequestExample(Examples.BatchRequest)
            .Produces<BatchResponse>(StatusCodes.Status207MultiStatus)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415);

        events.MapGet("/events/{eventId}", Status)
            .RequireAuthorization(Policies.ReadEvents)
            .WithName("GetEventStatus")
            .WithSummary("What became of an event: accepted, applied or rejected")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Accepted<EventAccepted>, Ok<EventStatusResponse>, ApiProblem>> Push(
        HttpContext http, IEventIntake intake, IGrainFactory grains, GridClock clock, ICommitmentRegistry commitments)
    {
        var caller = Caller.From(http.User);
        var request = await JsonBody.ReadAs<EventRequest>(http.Request, SingleLimit);
        var e = EventValidator.Validate(request, caller, clock.Today, IndicatorCatalog.Default);
        System.Diagnostics.Activity.Current?.SetTag("creditgrid.event_id", e.EventId);
        await new SubjectChecks(grains, intake, commitments).Check(e, http.RequestAborted);
        var result = (await intake.Accept([new IntakeItem(e, EventHash.Of(e))], http.RequestAborted))[0];
        return result.Disposition switch
        {
            IntakeDisposition.Accepted => TypedResults.Accepted((string?)null, new EventAccepted(e.EventId, "accepted")),
            IntakeDisposition.Duplicate => TypedResults.Ok(Mapping.Event(result.Status, authorised: false)),
            _ => Problems.Conflict(Reused(e.EventId).Zh, Reused(e.EventId).En),
        };
    }

    private static async Task<JsonHttpResult<BatchResponse>> PushBatch(HttpContext http, IEventIntake intake, IGrainFactory grains, GridClock clock, ICommitmentRegistry commitments)
    {
        var caller = Caller.From(http.User);
        var english = Language.WantsEnglish(http);
        using var doc = await JsonBody.Read(http.Request, BatchLimit);
        var events = Events(doc.RootElement);
        var today = clock.Today;
        var results = new BatchResult?[events.Count];
        var valid = new List<(int Index, CreditEvent Event)>();
        var checks = new SubjectChecks(grains, intake, commitments);
        for (var i = 0; i < events.Count; i++)
        {
            // Each element is read on its own (http-api events:batch): an eventId that is not valid text
            // (invalid UTF-8, a lone surrogate escape) is that element's 400 below, never the batch's 500.
            var eventId = JsonBody.StringOrNull(events[i], "eventId");
            try
            {
                var e = EventValidator.Validate(JsonBody.Bind<EventRequest>(events[i], $"events[{i}]"), caller, today, IndicatorCatalog.Default);
                await checks.Check(e, http.RequestAborted);
                valid.Add((i, e));
            }
            catch (Invalid invalid)
            {
                results[i] = new BatchResult(eventId, invalid.Status, "rejected", Problems.Detail(invalid, english));
            }
        }
        var accepted = await intake.Accept([.. valid.Select(v => new IntakeItem(v.Event, EventHash.Of(v.Event)))], http.RequestAborted);
        for (var k = 0; k < valid.Count; k++)
        {
            var r = accepted[k];
            results[valid[k].Index] = r.Disposition switch
            {
                IntakeDisposition.Accepted => new BatchResult(r.EventId, 202, "accepted", null),
                IntakeDisposition.Duplicate => new BatchResult(r.EventId, 200, "duplicate", null),
                _ => new BatchResult(r.EventId, 409, "rejected", Problems.Detail(409, Reused(r.EventId), english)),
            };
        }
        if (english) http.Response.Headers.ContentLanguage = Language.Tag(english);
        return TypedResults.Json(new BatchResponse([.. results.Select(r => r!)]), statusCode: StatusCodes.Status207MultiStatus);
    }

    private static async Task<Results<Ok<EventStatusResponse>, ApiProblem>> Status(string eventId, HttpContext http, IEventIntake intake)
    {
        var caller = Caller.From(http.User);
        var status = await intake.Status(eventId, http.RequestAborted);
        // A reporter sees its own department's events; the credit centre and operators see all. Another
        // department's event is 404 exactly like an unknown one (http-api Conventions: no existence oracle).
        if (status is null || (!caller.IsAny(Roles.CreditCenter, Roles.Operator) && status.Department != caller.Department))
            return Problems.NotFound($"没有事件 '{eventId}'。", $"No event '{eventId}'.");
        return TypedResults.Ok(Mapping.Event(status, authorised: false));
    }

    private static Bilingual Reused(string eventId) =>
        new($"eventId '{eventId}' 已用于另一条不同的事件。", $"eventId '{eventId}' was already used for a different event.");

    private static List<JsonElement> Events(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            throw Invalid.Field(StatusCodes.Status400BadRequest, "events", "请求体应为 { \"events\": [ … ] }。", "The body must be { \"events\": [ … ] }.");
        if (root.EnumerateObject().Count() != 1)
            throw Invalid.Field(StatusCodes.Status400BadRequest, "body", "顶层只允许一个 'events' 字段。", "Only 'events' is allowed at the top level.");
        var list = events.EnumerateArray().ToList();
        if (list.Count > BatchMax) throw new JsonBody.TooLarge(new($"一批最多 {BatchMax} 条事件，这一批有 {list.Count} 条。", $"A batch holds at most {BatchMax} events; this one has {list.Count}."));
        if (list.Count == 0) throw Invalid.Field(StatusCodes.Status400BadRequest, "events", "这一批没有事件。", "The batch is empty.");
        return list;
    }
}
