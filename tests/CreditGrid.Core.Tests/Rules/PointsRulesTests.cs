using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>domain-rules §3: one decision, ranges, caps, amount rules, official repeats.</summary>
public class PointsRulesTests
{
    private static readonly DateOnly Day = new(2026, 5, 11);

    [Fact]
    public void One_decision_of_one_department_counts_only_its_highest_sanction_L800()
    {
        var fine = Make("E-PEN-FINE-10K-100K", Day, actionRef: "张市监罚〔2026〕12号");
        var confiscation = Make("E-PEN-CONFISCATE-UP-TO-10K", Day, actionRef: "张市监罚〔2026〕12号");
        var e = Eval(Enterprise, Today, fine, confiscation);
        Assert.Equal(960, e.Score);
        var loser = e.Records.Single(r => r.RecordId == confiscation.RecordId);
        Assert.Equal(RecordStatus.Superseded, loser.Status);
        Assert.Equal(0, loser.EffectivePoints);
        Assert.Equal(-20, loser.BasePoints);
        Assert.Contains("（《张店区市场主体公共信用评价管理办法（试行）》第十八条）", loser.Explanation); // L800
        Assert.Equal("《张店区市场主体公共信用评价管理办法（试行）》附件 指标体系 · 行政处罚信息；第十八条", loser.Citation);
    }

    [Fact]
    public void Different_decisions_accumulate_even_for_the_same_behaviour()
    {
        var e = Eval(Enterprise, Today,
            Make("E-PEN-FINE-10K-100K", Day, actionRef: "A-1"),
            Make("E-PEN-CONFISCATE-UP-TO-10K", Day, actionRef: "A-2"));
        Assert.Equal(940, e.Score);
    }

    [Fact]
    public void The_same_reference_from_another_department_is_another_decision()
    {
        var e = Eval(Enterprise, Today,
            Make("E-PEN-FINE-10K-100K", Day, department: "区市场监管局", actionRef: "No.1"),
            Make("E-PEN-FINE-10K-100K", Day, department: "区生态环境分局", actionRef: "No.1"));
        Assert.Equal(920, e.Score);
    }

    [Fact]
    public void One_decision_keeps_its_highest_commendation_and_its_highest_sanction_apart()
    {
        var e = EvalPerson(Today,
            Make("P-AWARD-CITY-GOV", Day, department: "区委组织部", actionRef: "D-1"),
            Make("P-PRAISE-CITY-GOV", Day, department: "区委组织部", actionRef: "D-1"),
            Make("P-PEN-CIRCULATED-CRITICISM", Day, department: "区委组织部", actionRef: "D-1"));
        Assert.Equal(1000 + 20 - 5, e.Score);
        Assert.Contains("二、（三）第1项", e.Records[1].Explanation); // L2456
    }

    [Fact]
    public void A_range_row_takes_the_stated_points()
    {
        var e = Eval(Enterprise, Today, Make("E-OTHER-GOOD-CONDUCT", Day, points: 3));
        Assert.Equal(1003, e.Score);
        Assert.Equal("A+", e.Grade);
    }

    [Fact]
    public void Person_cash_donations_of_3000_in_a_year_score_15_even_split_over_two_records()
    {
        Assert.Equal(1015, EvalPerson(Today, Make("P-DONATION", Day, amount: 3000, amountKind: AmountKind.Cash)).Score);

        var first = Make("P-DONATION", Day, amount: 1000, amountKind: AmountKind.Cash);
        var second = Make("P-DONATION", Day.AddDays(10), amount: 2000, amountKind: AmountKind.Cash);
        var e = EvalPerson(Today, first, second);
        Assert.Equal(1015, e.Score);
        Assert.Equal(10, e.Records[0].EffectivePoints);
        Assert.Equal(5, e.Records[1].EffectivePoints);
        Assert.Equal(12, e.Records[1].BasePoints); // alone, 2000 would earn 10 + ⌊1000/400⌋
    }

    [Fact]
    public void Cash_and_goods_are_banded_separately_then_capped_at_40()
    {
        var e = EvalPerson(Today,
            Make("P-DONATION", Day, amount: 3000, amountKind: AmountKind.Cash),   // 15
            Make("P-DONATION", Day, amount: 2000, amountKind: AmountKind.Goods)); // 10
        Assert.Equal(1025, e.Score);

        var big = EvalPerson(Today,
            Make("P-DONATION", Day, amount: 100000, amountKind: AmountKind.Cash),  // 10+10+10+10 = 40
            Make("P-DONATION", Day, amount: 100000, amountKind: AmountKind.Goods)); // +40, capped
        Assert.Equal(1040, big.Score);
        Assert.Contains("最多加40分", big.Records[1].Explanation);
    }

    [Theory]
    [InlineData(999, 0)]
    [InlineData(1000, 1)]
    [InlineData(10000, 10)]
    [InlineData(14000, 11)]
    [InlineData(50000, 20)]
    [InlineData(100000, 30)]
    [InlineData(150000, 35)]
    [InlineData(200000, 40)]
    [InlineData(900000, 40)]
    public void Enterprise_cash_donation_bands(int yuan, int points)
    {
        var e = Eval(Enterprise, Today, Make("E-DONATION-COMPANY", Day, amount: yuan, amountKind: AmountKind.Cash));
        Assert.Equal(1000 + points, e.Score);
    }

    [Fact]
    public void Company_and_individual_business_donations_share_one_yearly_cap_of_40_L848_L883()
    {
        var e = Eval(Enterprise, Today,
            Make("E-DONATION-COMPANY", Day, amount: 100000, amountKind: AmountKind.Cash),   // 30
            Make("E-DONATION-INDIVIDUAL", Day, amount: 20000, amountKind: AmountKind.Cash)); // 30 alone; 10 fit under the cap
        Assert.Equal(1040, e.Score);
        Assert.Equal(10, e.Records[1].EffectivePoints);
    }

    [Fact]
    public void Caps_are_per_calendar_year_of_occurredAt()
    {
        var e = Eval(Enterprise, new DateOnly(2026, 6, 1),
            Make("E-DONATION-COMPANY", new DateOnly(2025, 12, 20), amount: 200000, amountKind: AmountKind.Cash),
            Make("E-DONATION-COMPANY", new DateOnly(2026, 1, 5), amount: 200000, amountKind: AmountKind.Cash));
        Assert.Equal(1080, e.Score);
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(10, 2)]
    [InlineData(49, 5)]
    [InlineData(120, 20)]
    [InlineData(300, 50)]
    [InlineData(1000, 50)]
    public void Volunteer_hours_count_the_tier_reached_not_the_sum_of_tiers(int hours, int points)
    {
        Assert.Equal(1000 + points, EvalPerson(Today, Make("P-VOLUNTEER", Day, amount: hours)).Score);
        Assert.Equal(1000 + points, Eval(Official, Today, Make("O-VOLUNTEER", Day, amount: hours)).Score);
    }

    [Fact]
    public void Volunteer_hours_add_up_over_the_year()
    {
        var e = EvalPerson(Today, Make("P-VOLUNTEER", Day, amount: 60), Make("P-VOLUNTEER", Day.AddDays(30), amount: 60));
        Assert.Equal(1020, e.Score);
        Assert.Equal(10, e.Records[0].EffectivePoints);
        Assert.Equal(10, e.Records[1].EffectivePoints);
    }

    [Theory]
    [InlineData(9, 0)]
    [InlineData(25, 2)]
    [InlineData(50, 5)]
    [InlineData(70, 5)]
    public void Civilisation_practice_is_one_point_per_10_hours_capped_at_5_L2563(int hours, int points) =>
        Assert.Equal(1000 + points, EvalPerson(Today, Make("P-CIVILISATION-PRACTICE", Day, amount: hours)).Score);

    [Fact]
    public void Found_property_scores_each_report_by_its_band_capped_at_10_a_year_L2569()
    {
        Assert.Equal(1002, EvalPerson(Today, Make("P-FOUND-PROPERTY", Day, amount: 500)).Score);
        Assert.Equal(1000, EvalPerson(Today, Make("P-FOUND-PROPERTY", Day, amount: 99)).Score);
        var e = EvalPerson(Today,
            Make("P-FOUND-PROPERTY", Day, amount: 3000),          // 3
            Make("P-FOUND-PROPERTY", Day.AddDays(1), amount: 8000), // 5
            Make("P-FOUND-PROPERTY", Day.AddDays(2), amount: 20000)); // 10 → only 2 fit
        Assert.Equal(1010, e.Score);
        Assert.Equal(2, e.Records[2].EffectivePoints);
    }

    [Fact]
    public void Official_party_building_rows_cap_at_10_a_year_L1557()
    {
        var e = Eval(Official, Today,
            Make("O-PARTY-ANTICORRUPTION-ORGANISER", Day),
            Make("O-PARTY-REVIEW-EXCELLENT", Day.AddDays(1)),
            Make("O-PARTY-ANTICORRUPTION-PARTICIPANT", Day.AddDays(2)));
        Assert.Equal(1010, e.Score);
        Assert.Equal(0, e.Records[2].EffectivePoints);
    }

    [Fact]
    public void Official_donations_follow_the_progressive_bands_of_L1645_L1660()
    {
        Assert.Equal(1015, Eval(Official, Today, Make("O-DONATION", Day, amount: 3000, amountKind: AmountKind.Cash)).Score);
        Assert.Equal(1040, Eval(Official, Today, Make("O-DONATION", Day, amount: 50000, amountKind: AmountKind.Cash)).Score);
    }

    [Fact]
    public void An_officials_repeat_in_the_same_group_within_validity_counts_double_L1511()
    {
        var first = Make("O-DISCIPLINE-WARNING", new DateOnly(2026, 1, 10));          // -10
        var repeat = Make("O-DISCIPLINE-SERIOUS-WARNING", new DateOnly(2026, 4, 10)); // -15 → -30
        var e = Eval(Official, Today, first, repeat);
        Assert.Equal(1000 - 10 - 30, e.Score);
        Assert.Equal(2, e.Stars);
        var r = e.Records.Single(x => x.RecordId == repeat.RecordId);
        Assert.Equal(-15, r.BasePoints);
        Assert.Equal(-30, r.EffectivePoints);
        Assert.Contains("加倍减分（四、积分和评价原则（三））", r.Explanation); // L1511, same paper as the validity cited before it
        Assert.Equal("《张店区公职人员诚信建设工作实施方案（试行）》附件 评价标准 · 党纪处分；四、积分和评价原则（三）", r.Citation);
    }

    [Fact]
    public void Official_repeats_do_not_compound_and_need_the_earlier_sanction_still_valid()
    {
        var e = Eval(Official, new DateOnly(2026, 12, 1),
            Make("O-CONDUCT-LATE-EARLY", new DateOnly(2026, 1, 5)),
            Make("O-CONDUCT-LATE-EARLY", new DateOnly(2026, 2, 5)),
            Make("O-CONDUCT-LATE-EARLY", new DateOnly(2026, 3, 5)));
        Assert.Equal(1000 - 2 - 4 - 4, e.Score);

        var late = Eval(Official, new DateOnly(2027, 6, 1),
            Make("O-CONDUCT-LATE-EARLY", new DateOnly(2025, 1, 5)),   // expired 2026-01-05
            Make("O-CONDUCT-LATE-EARLY", new DateOnly(2026, 10, 5))); // not a repeat
        Assert.Equal(998, late.Score);
    }

    [Fact]
    public void Other_groups_do_not_double_for_officials()
    {
        var e = Eval(Official, Today, Make("O-DISCIPLINE-WARNING", Day), Make("O-GOVSANCTION-WARNING", Day.AddDays(3)));
        Assert.Equal(980, e.Score);
        Assert.Equal(3, e.Stars);
    }
}
