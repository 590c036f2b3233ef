namespace CreditGrid.Core.Street;

/// <summary>
/// What a merchant grain keeps of its consumer history and what moves to the archive table (issue 11 item 13): every
/// complaint still open, every substantiated complaint inside the 12-month colour window (domain-rules §7 "no
/// substantiated complaint in the last 12 months"), the newest closed ones the public page lists, and the newest reviews.
/// Everything else no longer bears on today's colour or page, so the state stays bounded however long the merchant trades.
/// </summary>
public static class MerchantHistory
{
    /// <summary>Closed complaints kept beyond the colour window: the public page lists the newest 20.</summary>
    public const int ClosedComplaintsKept = 20;

    /// <summary>Reviews kept: the public page and MerchantPublicView show the latest 50; counts and averages are running totals.</summary>
    public const int ReviewsKept = 50;

    /// <summary>§7: a substantiated complaint keeps a merchant off red for 12 months after its receipt.</summary>
    public static bool InColourWindow(Complaint c, DateOnly today) => c.Substantiated == true && c.ReceivedAt > today.AddMonths(-12);

    /// <summary>Splits complaints (oldest first) into those the grain keeps and those it archives, both in their order.</summary>
    public static (List<Complaint> Keep, List<Complaint> Archive) Complaints(IReadOnlyList<Complaint> complaints, DateOnly today)
    {
        var closedOutside = complaints.Where(c => !c.IsOpen && !InColourWindow(c, today)).ToList();
        var archived = closedOutside.Take(Math.Max(0, closedOutside.Count - ClosedComplaintsKept)).Select(c => c.ComplaintId).ToHashSet(StringComparer.Ordinal);
        return ([.. complaints.Where(c => !archived.Contains(c.ComplaintId))], [.. complaints.Where(c => archived.Contains(c.ComplaintId))]);
    }

    /// <summary>Splits reviews (oldest first) into the newest <see cref="ReviewsKept"/> and the older ones.</summary>
    public static (List<Review> Keep, List<Review> Archive) Reviews(IReadOnlyList<Review> reviews)
    {
        var cut = Math.Max(0, reviews.Count - ReviewsKept);
        return ([.. reviews.Skip(cut)], [.. reviews.Take(cut)]);
    }
}
