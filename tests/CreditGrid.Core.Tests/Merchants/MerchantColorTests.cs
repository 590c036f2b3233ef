using CreditGrid.Core.Merchants;

namespace CreditGrid.Core.Tests.Merchants;

/// <summary>domain-rules §7 colour table (L3328, L3336).</summary>
public class MerchantColorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly InspectionFinding OpenWithinDeadline = new("f1", "消防安全", Today.AddDays(3), null, Today.AddDays(-20));
    private static readonly InspectionFinding OpenPastDeadline = new("f2", "食品安全", Today.AddDays(-1), null, Today.AddDays(-20));
    private static readonly InspectionFinding Rectified = new("f3", "明码标价", Today.AddDays(-5), Today.AddDays(-6), Today.AddDays(-20));
    private static readonly ComplaintStanding Substantiated = new("c1", Today.AddDays(-10), true, null);
    private static readonly ComplaintStanding Resolved = new("c2", Today.AddDays(-10), true, Today.AddDays(-2));
    private static readonly ComplaintStanding OldResolved = new("c3", Today.AddMonths(-13), true, Today.AddMonths(-12));
    private static readonly ComplaintStanding NotSubstantiated = new("c4", Today.AddDays(-10), false, null);
    private static readonly ComplaintStanding AwaitingVerdict = new("c5", Today.AddDays(-1), null, null);

    public static TheoryData<string, InspectionFinding[], ComplaintStanding[], bool, MerchantColor> Table() => new()
    {
        { "AAA", [], [], false, MerchantColor.Red },
        { "A+", [], [], false, MerchantColor.Red },
        { "A+", [Rectified], [OldResolved, NotSubstantiated, AwaitingVerdict], false, MerchantColor.Red },
        { "A", [], [], false, MerchantColor.Blue },
        { "A-", [], [], false, MerchantColor.Blue },
        { "B", [], [], false, MerchantColor.Blue },
        { "AA", [], [Resolved], false, MerchantColor.Blue },         // substantiated in the last 12 months
        { "C", [], [], false, MerchantColor.Yellow },
        { "AAA", [OpenWithinDeadline], [], false, MerchantColor.Yellow },
        { "AAA", [], [Substantiated], false, MerchantColor.Yellow },
        { "D", [], [], false, MerchantColor.Black },
        { "AAA", [OpenPastDeadline], [], false, MerchantColor.Black },
        { "AAA", [], [], true, MerchantColor.Black },
        { "C", [OpenWithinDeadline], [Substantiated], false, MerchantColor.Yellow },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Colour_truth_table(string grade, InspectionFinding[] findings, ComplaintStanding[] complaints, bool expelled, MerchantColor expected) =>
        Assert.Equal(expected, MerchantColors.Evaluate(grade, findings, complaints, expelled ? Today.AddDays(-3) : null, Today));

    [Fact]
    public void A_finding_turns_black_the_day_after_its_deadline()
    {
        var f = new InspectionFinding("f", "环境卫生", Today, null, Today.AddDays(-7));
        Assert.Equal(MerchantColor.Yellow, MerchantColors.Evaluate("A+", [f], [], null, Today));
        Assert.Equal(MerchantColor.Black, MerchantColors.Evaluate("A+", [f], [], null, Today.AddDays(1)));
    }

    [Fact]
    public void On_a_date_before_the_inspection_the_finding_does_not_count()
    {
        // Found on day −20 with a deadline on day −10: red on day −25, yellow on day −15, black on day −5.
        var f = new InspectionFinding("f", "食品安全", Today.AddDays(-10), null, Today.AddDays(-20));
        Assert.Equal(MerchantColor.Red, MerchantColors.Evaluate("A+", [f], [], null, Today.AddDays(-25)));
        Assert.Equal(MerchantColor.Yellow, MerchantColors.Evaluate("A+", [f], [], null, Today.AddDays(-15)));
        Assert.Equal(MerchantColor.Black, MerchantColors.Evaluate("A+", [f], [], null, Today.AddDays(-5)));
    }

    [Fact]
    public void An_expulsion_counts_from_its_date_and_a_complaint_from_its_receipt()
    {
        Assert.Equal(MerchantColor.Red, MerchantColors.Evaluate("AAA", [], [], Today, Today.AddDays(-1)));
        Assert.Equal(MerchantColor.Black, MerchantColors.Evaluate("AAA", [], [], Today, Today));
        var complaint = new ComplaintStanding("c", Today.AddDays(-3), true, null);
        Assert.Equal(MerchantColor.Red, MerchantColors.Evaluate("AAA", [], [complaint], null, Today.AddDays(-4)));
        Assert.Equal(MerchantColor.Yellow, MerchantColors.Evaluate("AAA", [], [complaint], null, Today));
    }

    [Fact]
    public void Reasons_come_strongest_first_and_name_what_they_refer_to()
    {
        var (color, reasons) = MerchantColors.Explain("C", [OpenPastDeadline, OpenWithinDeadline], [Substantiated], null, Today);
        Assert.Equal(MerchantColor.Black, color);
        var only = Assert.Single(reasons);
        Assert.Equal(("overdue-finding", "f2"), (only.Reason, only.Ref));
        Assert.Contains("食品安全", only.Text);

        var yellow = MerchantColors.Explain("C", [OpenWithinDeadline], [Substantiated], null, Today);
        Assert.Equal(["grade-c", "open-finding", "unresolved-complaint"], yellow.Reasons.Select(r => r.Reason));
        Assert.Equal(["recent-complaint", "grade"], MerchantColors.Explain("A", [], [Resolved], null, Today).Reasons.Select(r => r.Reason));
        Assert.Empty(MerchantColors.Explain("AAA", [], [], null, Today).Reasons);
    }

    [Fact]
    public void The_eight_inspection_areas_of_L3336() => Assert.Equal(8, MerchantColors.InspectionAreas.Count);
}
