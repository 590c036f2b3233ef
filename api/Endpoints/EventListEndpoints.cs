using CreditGrid.Api.Auth;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// GET /api/v1/events?mine=true&amp;since=&amp;department=&amp;page=&amp;pageSize= — a department's own recent events with their
/// status (http-api "Authentication and roles", "Department desk"; docs/desk.md). A reporter only ever sees its own
/// department's events, whatever `mine` says; the credit centre and operators see all, or one department.
/// </summary>
public static class EventListEndpoints
{
    public sealed record EventListItem(
        string EventId, string Status, string SubjectKind, string SubjectId, string Indicator, string? IndicatorName,
        string OccurredAt, string ReceivedAt, string? Reason, IReadOnlyList<string> RecordIds, string Department, string? ActionRef);

    public sealed record EventListPage(int Total, int Page, int PageSize, IReadOnlyList<EventListItem> Items);

    public static IEndpointRouteBuilder MapEventList(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/events").MapGet("", List)
            .RequireAuthorization(Policies.ReadEvents)
            .WithName("ListEvents")
            .WithSummary("Recent events of a department, newest first, with their status (reporters: their own department only); person and official ids masked")
            .Produces<EventListPage>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        return app;
    }

    private static async Task<IResult> List(string? mine, string? since, string? department, string? page, string? pageSize,
        HttpContext http, IEventList events)
    {
        var caller = Caller.From(http.User);
        var own = Mine(mine);
        DateTimeOffset? after = since is null ? null : Fields.Instant(since, "since", DateTimeOffset.MaxValue);
        var p = Paging.Number(page, "page", 1, int.MaxValue / 500, 1);
        var size = Paging.Number(pageSize, "pageSize", 1, 500, 50);
        var query = new EventListQuery(Department(caller, own, Blank(department)), after, p, size);
        var (total, items) = await events.List(query, http.RequestAborted);
        return Results.Ok(new EventListPage(total, p, size, [.. items.Select(Item)]));
    }

    /// <summary>
    /// Whose events: a reporter's are always its own department's (so `mine` may be left out; another department → 403);
    /// the credit centre and operators: `mine=true` their own, `department=` that one, else every department.
    /// </summary>
    private static string? Department(Caller caller, bool mine, string? department)
    {
        if (caller.IsAny(Roles.CreditCenter, Roles.Operator))
        {
            if (mine && department is not null && department != caller.Department)
                throw Invalid.Field(StatusCodes.Status400BadRequest, "department",
                    "mine=true 与 department 指向不同部门，请只给其中一个。", "mine=true and department name different departments; give one of them.");
            return mine ? caller.Department : department;
        }
        if (department is not null && department != caller.Department)
            throw new Invalid(StatusCodes.Status403Forbidden, "报送部门只能查看本部门的事件；查看其他部门的事件需要 credit-center 或 operator 角色。",
                new() { ["department"] = ["需要 credit-center 或 operator 角色"] })
            {
                EnglishDetail = "A reporting department sees only its own events; another department's need the credit-center or operator role.",
                EnglishErrors = new() { ["department"] = ["needs the credit-center or operator role"] },
            };
        return caller.Department;
    }

    private static bool Mine(string? value) => value switch
    {
        null or "false" => false,
        "true" => true,
        _ => throw Invalid.Field(StatusCodes.Status400BadRequest, "mine", "'mine' 应为 true 或 false。", "'mine' must be true or false."),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Lists never carry a full personal id (http-api Conventions): person and official ids masked.</summary>
    private static EventListItem Item(EventListing e)
    {
        var s = e.Status;
        var name = IndicatorCatalog.Default.TryGet(e.Indicator, out var entry) ? entry.Name : null;
        return new EventListItem(s.EventId, s.State.Wire(), s.SubjectKind.ToWire(), Mapping.Id(s.SubjectKind, s.SubjectId, authorised: false),
            e.Indicator, name, Mapping.Day(e.OccurredAt), ChangeKinds.Instant(e.ReceivedAt), s.Reason, s.RecordIds, s.Department, e.ActionRef);
    }
}
