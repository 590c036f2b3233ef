using CreditGrid.Core.Merchants;
using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Merchants;

/// <summary>A merchant's nextChanges: its enterprise's changes plus the street's own dates, with the colour (domain-rules §7).</summary>
public class MerchantNextChangesTests
{
    private static IReadOnlyList<NextChange> Next(
        DateOnly asOf, CreditRecord[] records, InspectionFinding[]? findings = null, ComplaintStanding[]? complaints = null)
    {
        var now = RulesEngine.Default.Evaluate(Enterprise, records, asOf);
        var own = NextChanges.For(RulesEngine.Default, Enterprise, records, now);
        return MerchantNextChanges.For(now, own, findings ?? [], complaints ?? [], null, asOf);
    }

    private static readonly CreditRecord Award = Make("E-AWARD-DISTRICT", new DateOnly(2026, 10, 1));

    [Fact]
    public void A_findings_deadline_passing_turns_the_merchant_black_the_day_after()
    {
        var finding = new InspectionFinding("f-1", "消防安全", new DateOnly(2026, 12, 10), null, new DateOnly(2026, 11, 20));
        var changes = Next(Today, [Award], [finding]);
        var black = changes[0];
        Assert.Equal(new DateOnly(2026, 12, 11), black.On);
        Assert.Equal("black", black.Color);
        Assert.Equal("商户由黄色转为黑色：消防安全问题逾期未整改（整改期限2026-12-10）", black.What);
        // The award's expiry a year on changes the score, the colour stays black (the finding is still open).
        var award = changes[1];
        Assert.Equal((new DateOnly(2027, 10, 1), 1000, "A", "black"), (award.On, award.Score, award.Grade, award.Color));
    }

    [Fact]
    public void A_finding_rectified_before_its_deadline_never_turns_black()
    {
        var finding = new InspectionFinding("f-2", "食品安全", new DateOnly(2026, 12, 10), new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 20));
        Assert.DoesNotContain(Next(Today, [Award], [finding]), c => c.Color == "black");
    }

    [Fact]
    public void A_substantiated_complaint_ageing_out_of_twelve_months_brings_red_back()
    {
        var complaint = new ComplaintStanding("c-1", new DateOnly(2026, 3, 15), true, new DateOnly(2026, 4, 1));
        var change = Next(Today, [Award], complaints: [complaint])[0];
        Assert.Equal(new DateOnly(2027, 3, 15), change.On); // received > asOf − 12 months no longer holds
        Assert.Equal("red", change.Color);
        Assert.Equal("商户由蓝色转为红色", change.What);
    }

    [Fact]
    public void An_enterprise_change_that_moves_the_colour_says_both()
    {
        // A+ (red) while the district award counts; back to A (blue) when it expires.
        var change = Assert.Single(Next(Today, [Award]));
        Assert.Equal((new DateOnly(2027, 10, 1), "blue"), (change.On, change.Color));
        Assert.StartsWith("“", change.What);
        Assert.EndsWith("到期，不再计分；商户由红色转为蓝色：企业信用等级为A，红名单需A+及以上", change.What);
    }
}
