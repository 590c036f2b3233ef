using System.Globalization;
using CreditGrid.Api.Auth;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Work queues and the change log": the durable change log and the complaints queue (docs/change-log.md).</summary>
public static class ChangeEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public sealed record ChangesResponse(IReadOnlyList<ChangeLine> Items, string? Next);

    public sealed record VerdictResponse(bool Substantiated, string? Department, string? At);

    public sealed record ComplaintItem(string ComplaintId, string MerchantId, string? MerchantName, string? Street, string Text,
        string ReceivedAt, string Status, VerdictResponse? Verdict, string? ResolvedAt);

    public sealed record ComplaintPage(int Total, int Page, int PageSize, IReadOnlyList<ComplaintItem> Items);

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Work queues and the change log");

        api.MapGet("/changes", Changes)
            .RequireAuthorization(Policies.Read)
            .WithName("ReadChangeLog")
            .WithSummary("The durable change log, oldest first after `since` (kept 30 days); person and official ids masked")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);

        api.MapGet("/complaints", Complaints)
            .RequireAuthorization(Policies.ReadEvents)
            .WithName("ListComplaints")
            .WithSummary("The complaints queue (oldest first); ID- and phone-shaped text masked, the contact never listed")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        return app;
    }

    private static async Task<Ok<ChangesResponse>> Changes(string? since, string? kind, string? street, string? limit, IChangeLog log, GridClock clock, HttpContext http)
    {
        DateTimeOffset? after = since is null ? null : Fields.Instant(since, "since", DateTimeOffset.MaxValue);
        if (kind is not null && !ChangeKinds.EntryKinds.Contains(kind))
            throw Invalid.Field(StatusCodes.Status400BadRequest, "kind", $"'kind' 应为 {string.Join("、", ChangeKinds.EntryKinds)} 之一。", $"'kind' is one of {string.Join(", ", ChangeKinds.EntryKinds)}.");
        var n = Number(limit, "limit", DefaultLimit, 1, MaxLimit);
        var items = await log.Read(after, kind, Blank(street), n, http.RequestAborted);
        // `next` is the last line's instant (the next call's `since`); with nothing new, the same `since`, or now.
        var next = items.Count > 0 ? ChangeKinds.Instant(items[^1].At) : ChangeKinds.Instant(after ?? clock.Now);
        return TypedResults.Ok(new ChangesResponse([.. items.Select(ChangeLine.Of)], next));
    }

    private static async Task<Ok<ComplaintPage>> Complaints(string? status, string? street, string? merchantId, string? page, string? pageSize, IComplaintQueue queue, HttpContext http)
    {
        if (status is not null && !ComplaintStatus.All.Contains(status))
            throw Invalid.Field(StatusCodes.Status400BadRequest, "status", "'status' 应为 received、substantiated、unfounded 或 resolved。", "'status' is received, substantiated, unfounded or resolved.");
        var p = Number(page, "page", 1, 1, int.MaxValue / 500);
        var size = Number(pageSize, "pageSize", 50, 1, 500);
        var (total, items) = await queue.List(new ComplaintQuery(status, Blank(street), Blank(merchantId), p, size), http.RequestAborted);
        return TypedResults.Ok(new ComplaintPage(total, p, size, [.. items.Select(Item)]));
    }

    /// <summary>http-api Conventions: the consumer's text masks anything shaped like a resident ID or a mobile number.</summary>
    private static ComplaintItem Item(ComplaintListing c) => new(
        c.ComplaintId, c.MerchantId, c.MerchantName, c.Street, PublicText.Mask(c.Text), Mapping.Day(c.ReceivedAt), c.Status,
        c.Substantiated is { } s ? new VerdictResponse(s, c.VerdictBy, Mapping.Day(c.VerdictAt)) : null, Mapping.Day(c.ResolvedAt));

    /// <summary>An integer query parameter: not a whole number → 400, outside [min, max] → 422, naming the field.</summary>
    private static int Number(string? value, string field, int fallback, int min, int max)
    {
        if (value is null) return fallback;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' 应为整数。", $"'{field}' must be a whole number.");
        if (n < min || n > max)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, $"'{field}' 应在 {min} 到 {max} 之间。", $"'{field}' must be between {min} and {max}.");
        return n;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
