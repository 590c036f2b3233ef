namespace CreditGrid.Core.Grid;

/// <summary>
/// GET /api/v1/events (http-api "Authentication and roles": a reporter reads its own events, paged, with status):
/// <paramref name="Department"/> null = every department; <paramref name="Since"/> null = from the first event.
/// </summary>
public sealed record EventListQuery(string? Department, DateTimeOffset? Since, int Page, int PageSize);

/// <summary>One event of the intake log as a department's list shows it: its status and what it was about.</summary>
public sealed record EventListing(EventStatus Status, string Indicator, DateOnly OccurredAt, DateTimeOffset ReceivedAt, string? ActionRef);

/// <summary>The intake log read as a list, newest first.</summary>
public interface IEventList
{
    Task<(int Total, IReadOnlyList<EventListing> Items)> List(EventListQuery query, CancellationToken ct = default);
}
