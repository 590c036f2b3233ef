using CreditGrid.Core.Merchants;

namespace CreditGrid.Core.Tests.Merchants;

/// <summary>domain-rules §7 colour table (L3328, L3336).</summary>
public class MerchantColorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly InspectionFinding OpenWithinDeadline = new("f1", "消防安全", Today.AddDays(3), null);
    private static readonly InspectionFinding OpenPastDeadline = new("f2", "食品安全", Today.AddDays(-1), null);
    private static readonly InspectionFinding Rectified = new("f3", "明码标价", Today.AddDays(-5), Today.AddDays(-6));
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
        Assert.Equal(expected, MerchantColors.Evaluate(grade, findings, complaints, expelled, Today));

    [Fact]
    public void A_finding_turns_black_the_day_after_its_deadline()
    {
        var f = new InspectionFinding("f", "环境卫生", Today, null);
        Assert.Equal(MerchantColor.Yellow, MerchantColors.Evaluate("A+", [f], [], false, Today));
        Assert.Equal(MerchantColor.Black, MerchantColors.Evaluate("A+", [f], [], false, Today.AddDays(1)));
    }

    [Fact]
    public void The_eight_inspection_areas_of_L3336() => Assert.Equal(8, MerchantColors.InspectionAreas.Count);
}
