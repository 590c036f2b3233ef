namespace CreditGrid.Core.Street;

/// <summary>
/// A complaint as the staff's queue lists it (http-api "Work queues"): the contact is not part of it at all, so no
/// list can show it. The merchant's name and street come from its summary row when listed.
/// </summary>
public sealed record ComplaintListing(
    string ComplaintId,
    string MerchantId,
    string? MerchantName,
    string? Street,
    string Text,
    DateOnly ReceivedAt,
    bool? Substantiated,
    string? VerdictBy,
    DateOnly? VerdictAt,
    DateOnly? ResolvedAt)
{
    /// <summary>received (no verdict) → substantiated | unfounded → resolved (substantiated ones only, L3335).</summary>
    public string Status => ComplaintStatus.Of(Substantiated, ResolvedAt);
}

public static class ComplaintStatus
{
    public const string Received = "received";
    public const string Substantiated = "substantiated";
    public const string Unfounded = "unfounded";
    public const string Resolved = "resolved";

    public static readonly string[] All = [Received, Substantiated, Unfounded, Resolved];

    public static string Of(bool? substantiated, DateOnly? resolvedAt) =>
        resolvedAt is not null ? Resolved : substantiated switch { true => Substantiated, false => Unfounded, null => Received };

    public static string Of(Complaint c) => Of(c.Substantiated, c.ResolvedAt);
}

/// <summary>The filters of GET /api/v1/complaints; null = any.</summary>
public sealed record ComplaintQuery(string? Status, string? Street, string? MerchantId, int Page, int PageSize);

/// <summary>The complaints projection: written with each merchant's state (and its archive), read for the queue.</summary>
public interface IComplaintQueue
{
    Task<(int Total, IReadOnlyList<ComplaintListing> Items)> List(ComplaintQuery query, CancellationToken ct = default);
}
