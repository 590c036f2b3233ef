using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// The merchant's consumer history stays bounded (issue 11 item 13): before each write, complaints and reviews that no
/// longer bear on the colour or the public page move to the archive table (<see cref="MerchantHistory"/>), and review
/// counts and averages are running totals.
/// </summary>
public sealed partial class MerchantGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // /metrics creditgrid_subjects_active{kind="merchant"}: merchants are no SubjectGrain, so they count themselves.
        GridMetrics.Activated(SubjectKind.Merchant, +1);
        // States written before the running totals existed held every review.
        if (S.ReviewCount < S.Reviews.Count)
        {
            S.Reviews = [.. S.Reviews.Select((r, i) => r with { Seq = i + 1 })];
            S.ReviewCount = S.Reviews.Count;
            S.ReviewStars = S.Reviews.Sum(r => (long)r.Stars);
        }
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GridMetrics.Activated(SubjectKind.Merchant, -1);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private double? AverageRating => S.ReviewCount == 0 ? null : Math.Round((double)S.ReviewStars / S.ReviewCount, 2);

    /// <summary>Moves what the grain no longer needs to the archive; the archive is written first, so nothing is lost on a crash.</summary>
    private async Task Archive(DateOnly today)
    {
        var (complaints, oldComplaints) = MerchantHistory.Complaints(S.Complaints, today);
        var (reviews, oldReviews) = MerchantHistory.Reviews(S.Reviews);
        if (oldComplaints.Count == 0 && oldReviews.Count == 0) return;
        await archive.Add(Id, oldComplaints, oldReviews);
        S.Complaints = complaints;
        S.Reviews = reviews;
    }

    /// <summary>A complaint id this merchant issued ("&lt;code&gt;-C&lt;n&gt;", n ≤ the sequence) that is no longer in the state.</summary>
    private async Task<Complaint?> Archived(string complaintId)
    {
        var prefix = Id + "-C";
        if (!complaintId.StartsWith(prefix, StringComparison.Ordinal) || !int.TryParse(complaintId.AsSpan(prefix.Length), out var n) || n < 1 || n > S.ComplaintSeq)
            return null;
        return await archive.Complaint(complaintId);
    }
}
