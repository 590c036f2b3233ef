using CreditGrid.Core.Street;

namespace CreditGrid.Core.Tests.Merchants;

/// <summary>Issue 11 item 13, domain-rules §7: what a merchant keeps of its consumer history on a given day.</summary>
public class MerchantHistoryTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static Complaint C(int n, string received, bool? substantiated, string? resolved = null) =>
        new($"M-C{n}", "t", null, DateOnly.Parse(received), substantiated, substantiated is null ? null : "区市场监管局", null,
            resolved is null ? null : DateOnly.Parse(resolved));

    [Fact]
    public void Open_complaints_and_substantiated_ones_inside_12_months_stay_and_closed_old_ones_move()
    {
        List<Complaint> all =
        [
            C(1, "2024-01-10", null),                       // open for years: still to be handled
            C(2, "2024-02-10", true),                       // substantiated, unresolved: keeps the merchant yellow
            C(3, "2025-11-28", true, "2025-12-01"),         // resolved, received 12 months ago to the day: outside the window
            C(4, "2025-11-29", true, "2025-12-01"),         // inside the window: keeps it off red until 2026-11-29
            .. Enumerable.Range(5, 25).Select(n => C(n, "2026-11-01", false)), // 25 unfounded
        ];
        var (keep, archive) = MerchantHistory.Complaints(all, Today);

        Assert.Equal(["M-C1", "M-C2", "M-C4"], keep.Take(3).Select(c => c.ComplaintId));
        Assert.Equal(3 + MerchantHistory.ClosedComplaintsKept, keep.Count);
        Assert.Equal(["M-C3", "M-C5", "M-C6", "M-C7", "M-C8", "M-C9"], archive.Select(c => c.ComplaintId));
        Assert.Equal(all.Count, keep.Count + archive.Count);
    }

    [Fact]
    public void The_newest_50_reviews_stay()
    {
        var reviews = Enumerable.Range(1, 70).Select(n => new Review(n % 5 + 1, null, DateTimeOffset.UnixEpoch, n)).ToList();
        var (keep, archive) = MerchantHistory.Reviews(reviews);
        Assert.Equal(Enumerable.Range(21, 50).Select(n => (long)n), keep.Select(r => r.Seq));
        Assert.Equal(Enumerable.Range(1, 20).Select(n => (long)n), archive.Select(r => r.Seq));
    }
}
