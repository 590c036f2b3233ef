using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>domain-rules §5: validity, continuing dishonesty, revocation, repair, objections, timeliness.</summary>
public class ValidityTests
{
    private static readonly DateOnly Day = new(2025, 10, 2);

    [Theory]
    [InlineData("P-PEN-FINE-5000-10K", 1)]     // -40
    [InlineData("P-PEN-FINE-10K-50K", 2)]      // -60
    [InlineData("P-ADMIN-RULING-NONCOMPLIANCE", 2)] // -100
    [InlineData("P-JUDICIAL-HIGH-CONSUMPTION", 3)]  // -200
    [InlineData("P-SEVERE-OTHER", 5)]          // downgrade
    [InlineData("P-AWARD-DISTRICT-GOV", 1)]
    [InlineData("P-AWARD-CITY-DEPT", 2)]
    [InlineData("P-AWARD-PROVINCE-GOV", 3)]
    [InlineData("P-AWARD-CENTRAL", 5)]
    [InlineData("P-JOINT-INCENTIVE", 1)]       // other
    [InlineData("E-PEN-FINE-10K-100K", 1)]     // enterprise uses the person periods
    [InlineData("E-PEN-FINE-100K-500K", 2)]
    [InlineData("E-CRIMINAL-PENALTY", 5)]
    [InlineData("E-AWARD-NATIONAL", 5)]
    [InlineData("O-DISCIPLINE-EXPULSION", 1)]
    [InlineData("O-AWARD-HONOUR-NATIONAL", 1)]
    public void Validity_periods_L1495_L2467_L2468(string code, int years)
    {
        var kind = code[0] switch { 'E' => Enterprise, 'O' => Official, _ => PersonRegistered(new DateOnly(2025, 1, 1)) };
        var r = Make(code, Day);
        var expires = Day.AddYears(years);
        var before = Eval(kind, expires.AddDays(-1), r).Only();
        var after = Eval(kind, expires, r).Only();
        Assert.Equal(expires, before.ExpiresAt);
        Assert.Equal(before.BasePoints, before.EffectivePoints);
        Assert.Equal(RecordStatus.Active, before.Status);
        Assert.Equal(RecordStatus.Expired, after.Status);
        Assert.Equal(0, after.EffectivePoints);
    }

    [Fact]
    public void A_serious_official_case_lasts_two_years_when_the_credit_centre_says_so()
    {
        var r = Make("O-DISCIPLINE-WARNING", Day, validityYears: 2);
        Assert.Equal(Day.AddYears(2), Eval(Official, Today, r).Only().ExpiresAt);
        Assert.Equal(990, Eval(Official, Day.AddYears(1).AddDays(5), r).Score);
    }

    [Fact]
    public void Continuing_dishonesty_counts_from_the_day_it_ended_L2470()
    {
        var r = Make("P-TAX-REFUSE", new DateOnly(2023, 1, 10), endedAt: new DateOnly(2025, 3, 1)); // -50 → 2 years
        var e = EvalPerson(new DateOnly(2026, 11, 28), r);
        Assert.Equal(new DateOnly(2027, 3, 1), e.Only().ExpiresAt);
        Assert.Equal(950, e.Score);
    }

    [Fact]
    public void A_record_reported_after_its_validity_ended_is_kept_but_never_counts_L2469()
    {
        var r = Make("P-PEN-FINE-UPTO-500", new DateOnly(2024, 5, 1), reportedAt: new DateOnly(2025, 6, 1));
        var e = EvalPerson(new DateOnly(2025, 6, 1), r);
        Assert.Equal(1000, e.Score);
        Assert.Equal(RecordStatus.Expired, e.Only().Status);
        Assert.Contains("不再计分（《张店区个人诚信积分（爱张店·诚信分）管理实施方案（试行）》二、（四）", e.Only().Explanation); // L2469
        Assert.Equal(1000, EvalPerson(new DateOnly(2024, 6, 1), r).Score);
    }

    [Fact]
    public void A_record_dated_after_asOf_is_pending()
    {
        var r = Make("E-PEN-NOTICE", new DateOnly(2026, 12, 1));
        var e = Eval(Enterprise, Today, r);
        Assert.Equal(1000, e.Score);
        Assert.Equal(RecordStatus.Pending, e.Only().Status);
        Assert.Equal(new DateOnly(2026, 12, 1), e.NextChangeAt);
    }

    [Fact]
    public void A_revoked_record_stops_counting_as_if_it_had_never_been_but_stays_visible_L817()
    {
        var r = Make("E-PEN-FINE-10K-100K", Day) with { State = RecordState.Revoked, StateChangedAt = Today, StateReason = "行政复议撤销" };
        var e = Eval(Enterprise, Day.AddDays(1), r);
        Assert.Equal(1000, e.Score);
        Assert.Equal(RecordStatus.Revoked, e.Only().Status);
        Assert.Contains("（《张店区市场主体公共信用评价管理办法（试行）》第二十九条）", e.Only().Explanation); // L817
        Assert.EndsWith("；第二十九条", e.Only().Citation);
        Assert.Contains("行政复议撤销", e.Only().Explanation);
    }

    [Fact]
    public void A_repaired_record_counts_until_the_repair_date_and_not_from_it_L816()
    {
        var repairedOn = new DateOnly(2026, 3, 1);
        var r = Make("E-PEN-FINE-100K-500K", Day) with { State = RecordState.Repaired, StateChangedAt = repairedOn };
        Assert.Equal(940, Eval(Enterprise, repairedOn.AddDays(-1), r).Score);
        var after = Eval(Enterprise, repairedOn, r);
        Assert.Equal(1000, after.Score);
        Assert.Equal(RecordStatus.Repaired, after.Only().Status);
    }

    [Fact]
    public void The_minus_80_replacement_of_a_repaired_refusal_lasts_two_years_from_the_repair_L2488()
    {
        var repairedOn = new DateOnly(2026, 3, 1);
        var severe = Make("P-SEVERE-REFUSE-OBLIGATION", Day) with { State = RecordState.Repaired, StateChangedAt = repairedOn };
        var replacement = Make("P-REPAIRED-REFUSE-OBLIGATION", repairedOn) with { DerivedFrom = severe.RecordId };
        var person = PersonRegistered(new DateOnly(2025, 1, 1));
        var before = Eval(person, repairedOn.AddDays(-1), severe, replacement);
        Assert.Equal("D", before.Grade);
        var after = Eval(person, repairedOn, severe, replacement);
        Assert.Equal(920, after.Score);
        Assert.Equal("B", after.Grade);
        Assert.Equal(repairedOn.AddYears(2), after.Records[1].ExpiresAt);
    }

    [Fact]
    public void An_objected_record_keeps_counting_while_the_objection_is_open_L815()
    {
        var r = Make("E-PEN-FINE-10K-100K", Day) with { ObjectionOpenedAt = Day.AddDays(3) };
        var e = Eval(Enterprise, Day.AddDays(5), r);
        Assert.Equal(960, e.Score);
        Assert.Equal(RecordStatus.Objected, e.Only().Status);
        var closed = r with { ObjectionClosedAt = Day.AddDays(6) };
        Assert.Equal(RecordStatus.Active, Eval(Enterprise, Day.AddDays(7), closed).Only().Status);
    }

    [Fact]
    public void Penalties_reported_more_than_7_days_after_the_decision_are_flagged_late_L483()
    {
        Assert.False(Eval(Enterprise, Today, Make("E-PEN-NOTICE", Day, reportedAt: Day.AddDays(7))).Only().Late);
        Assert.True(Eval(Enterprise, Today, Make("E-PEN-NOTICE", Day, reportedAt: Day.AddDays(8))).Only().Late);
        Assert.False(Eval(Enterprise, Today, Make("E-AWARD-NATIONAL", Day, reportedAt: Day.AddDays(30))).Only().Late);
    }

    [Fact]
    public void Severe_list_downgrades_to_D_while_the_score_is_still_shown_and_lifts_after_5_years()
    {
        var r = Make("E-SEVERE-FOOD-DRUG", Day);
        var e = Eval(Enterprise, Today, r);
        Assert.Equal("D", e.Grade);
        Assert.Equal("严重失信", e.Category);
        Assert.True(e.Downgraded);
        Assert.Equal(400, e.Score);
        Assert.Contains(e.Consequences, c => c.StartsWith("第二十三条"));
        var later = Eval(Enterprise, Day.AddYears(5), r);
        Assert.Equal("A", later.Grade);
        Assert.False(later.Downgraded);
    }

    [Fact]
    public void A_criminal_penalty_downgrades_an_enterprise_without_points_L789()
    {
        var e = Eval(Enterprise, Today, Make("E-CRIMINAL-PENALTY", Day));
        Assert.Equal(1000, e.Score);
        Assert.Equal("D", e.Grade);
    }

    [Fact]
    public void A_criminal_penalty_sharing_a_decision_with_a_fine_still_downgrades()
    {
        var e = Eval(Enterprise, Today,
            Make("E-PEN-FINE-10K-100K", Day.AddYears(1), actionRef: "判决〔2026〕1号"),
            Make("E-CRIMINAL-PENALTY", Day.AddYears(1), actionRef: "判决〔2026〕1号"));
        Assert.Equal(960, e.Score);
        Assert.Equal("D", e.Grade);
    }

    [Fact]
    public void A_merchant_is_graded_like_its_enterprise()
    {
        var merchant = new SubjectProfile(SubjectKind.Merchant, "m", null);
        var e = Eval(merchant, Today, Make("E-PEN-FINE-10K-100K", Day.AddYears(1)));
        Assert.Equal(SubjectKind.Merchant, e.Kind);
        Assert.Equal("A-", e.Grade);
    }

    [Fact]
    public void An_indicator_of_another_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Eval(Enterprise, Today, Make("P-TAX-REFUSE", Day)));
    }

    [Fact]
    public void NextChangeAt_is_the_earliest_expiry_after_asOf()
    {
        var e = Eval(Enterprise, Today, Make("E-PEN-NOTICE", new DateOnly(2026, 2, 1)), Make("E-PEN-FINE-100K-500K", new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2027, 2, 1), e.NextChangeAt);
    }
}
