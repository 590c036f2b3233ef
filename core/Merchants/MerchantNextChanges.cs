using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Merchants;

/// <summary>
/// A merchant's nextChanges (http-api "Subjects"): its enterprise's own next changes (score and grade, which the colour
/// follows) merged with the street's dates — a finding's deadline passing (black the day after, §7), a finding or
/// complaint of a later date, a rectification or resolution of a later date, a substantiated complaint ageing out of
/// the 12 months, an expulsion. Each date is one entry if the score, grade or colour differ from the day before.
/// </summary>
public static class MerchantNextChanges
{
    public static IReadOnlyList<NextChange> For(
        Evaluation enterprise,
        IReadOnlyList<NextChange> enterpriseChanges,
        IReadOnlyCollection<InspectionFinding> findings,
        IReadOnlyCollection<ComplaintStanding> complaints,
        DateOnly? expelledSince,
        DateOnly asOf)
    {
        var dates = new SortedSet<DateOnly>(enterpriseChanges.Select(c => c.On).Where(d => d > asOf));
        void Add(DateOnly? d)
        {
            if (d is { } x && x > asOf) dates.Add(x);
        }
        foreach (var f in findings)
        {
            Add(f.FoundAt);
            Add(f.RectifiedAt);
            // §7: overdue (black) from the day after the deadline, unless rectified by then.
            if (f.Deadline < DateOnly.MaxValue && !(f.RectifiedAt <= f.Deadline)) Add(f.Deadline.AddDays(1));
        }
        foreach (var c in complaints.Where(c => c.Substantiated == true))
        {
            Add(c.ReceivedAt);
            Add(c.ResolvedAt);
            Add(OutOfTwelveMonths(c.ReceivedAt));
        }
        Add(expelledSince);

        var grade = enterprise.Grade ?? "A";
        var score = enterprise.Score;
        var color = MerchantColors.Evaluate(grade, findings, complaints, expelledSince, asOf);
        var result = new List<NextChange>();
        foreach (var day in dates)
        {
            if (result.Count == NextChanges.Limit) break;
            var own = enterpriseChanges.FirstOrDefault(c => c.On == day);
            var (newGrade, newScore) = own is null ? (grade, score) : (own.Grade ?? grade, own.Score ?? score);
            var (newColor, reasons) = MerchantColors.Explain(newGrade, findings, complaints, expelledSince, day);
            if (newGrade != grade || newScore != score || newColor != color)
            {
                var what = new List<string>();
                if (own is not null) what.Add(own.What);
                if (newColor != color)
                    what.Add($"商户由{Chinese(color)}转为{Chinese(newColor)}" + (reasons.Count > 0 ? "：" + reasons[0].Text : ""));
                result.Add(new NextChange(day, string.Join("；", what), newScore, newGrade, null, newColor.ToWire()));
            }
            (grade, score, color) = (newGrade, newScore, newColor);
        }
        return result;
    }

    /// <summary>The first day a complaint no longer counts as "in the last 12 months" (MerchantColors: received &gt; asOf − 12 months).</summary>
    private static DateOnly? OutOfTwelveMonths(DateOnly received)
    {
        if (received.Year >= DateOnly.MaxValue.Year) return null;
        var day = received.AddMonths(12);
        return day.AddMonths(-12) < received ? day.AddDays(1) : day;
    }

    /// <summary>The colour as people name it (L3328: 红榜、蓝榜、黄榜, and 黑牌).</summary>
    public static string Chinese(MerchantColor color) => color switch
    {
        MerchantColor.Red => "红色",
        MerchantColor.Blue => "蓝色",
        MerchantColor.Yellow => "黄色",
        _ => "黑色",
    };
}
