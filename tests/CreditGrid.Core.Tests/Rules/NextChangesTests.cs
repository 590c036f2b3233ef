using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>http-api "Subjects" nextChanges: the dates after asOf on which the evaluation changes by itself (docs/explanations.md).</summary>
public class NextChangesTests
{
    private static IReadOnlyList<NextChange> Next(SubjectProfile subject, DateOnly asOf, params CreditRecord[] records) =>
        NextChanges.For(RulesEngine.Default, subject, records, RulesEngine.Default.Evaluate(subject, records, asOf));

    [Fact]
    public void An_enterprise_fine_expiring_gives_one_entry_on_its_expiresAt_with_the_score_back()
    {
        var fine = Make("E-PEN-FINE-10K-100K", new DateOnly(2026, 10, 2));
        var change = Assert.Single(Next(Enterprise, Today, fine));
        Assert.Equal(new DateOnly(2027, 10, 2), change.On); // ≤40 points: 1 year (L2467, enterprises by the person periods)
        Assert.Equal((1000, "A", (int?)null, (string?)null), (change.Score, change.Grade, change.Stars, change.Color));
        Assert.Equal("“处以1万元至10万元（含）罚款行政处罚的”到期，不再计分", change.What);
    }

    [Fact]
    public void Two_records_expiring_the_same_day_are_one_entry_naming_both()
    {
        var day = new DateOnly(2026, 6, 1);
        var change = Assert.Single(Next(Enterprise, Today, Make("E-PEN-NOTICE", day), Make("E-PEN-FINE-UP-TO-10K", day)));
        Assert.Equal(new DateOnly(2027, 6, 1), change.On);
        Assert.Equal(1000, change.Score);
        Assert.Equal("“受到通报批评行政处罚的”到期，不再计分；“处以1万元及以下罚款行政处罚的”到期，不再计分", change.What);
    }

    [Fact]
    public void At_most_ten_entries_in_date_order_each_with_the_score_from_that_day()
    {
        var records = Enumerable.Range(0, 12).Select(i => Make("E-PEN-NOTICE", new DateOnly(2026, 1, 5).AddDays(7 * i))).ToArray();
        var changes = Next(Enterprise, Today, records);
        Assert.Equal(NextChanges.Limit, changes.Count);
        Assert.Equal(records.Take(10).Select(r => r.OccurredAt.AddYears(1)), changes.Select(c => c.On));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => 880 + 10 * i), changes.Select(c => c.Score!.Value));
        Assert.Equal("A-", changes[7].Grade); // 960 from the eighth expiry on
    }

    [Fact]
    public void A_record_dated_after_asOf_starts_counting_on_its_date()
    {
        var changes = Next(Enterprise, new DateOnly(2026, 9, 1), Make("E-PEN-FINE-10K-100K", new DateOnly(2026, 10, 2)));
        Assert.Equal([new DateOnly(2026, 10, 2), new DateOnly(2027, 10, 2)], changes.Select(c => c.On));
        Assert.Equal((960, "A-"), (changes[0].Score, changes[0].Grade));
        Assert.Equal("“处以1万元至10万元（含）罚款行政处罚的”开始计分（-40分）", changes[0].What);
    }

    [Fact]
    public void A_superseded_record_expiring_changes_nothing_and_is_no_entry()
    {
        var day = new DateOnly(2026, 6, 1);
        var small = Make("E-PEN-FINE-10K-100K", day, actionRef: "张市监罚〔2026〕7号");      // −40, 1 year, superseded
        var large = Make("E-PEN-FINE-100K-500K", day, actionRef: "张市监罚〔2026〕7号");     // −60, 2 years
        var change = Assert.Single(Next(Enterprise, Today, small, large));
        Assert.Equal(new DateOnly(2028, 6, 1), change.On);
        Assert.Equal(1000, change.Score);
    }

    [Fact]
    public void A_severe_list_record_expiring_lifts_the_downgrade()
    {
        var change = Assert.Single(Next(Enterprise, Today, Make("E-SEVERE-FOOD-DRUG", new DateOnly(2025, 1, 1))));
        Assert.Equal(new DateOnly(2030, 1, 1), change.On); // downgrade: 5 years (L2467)
        Assert.Equal((1000, "A"), (change.Score, change.Grade));
    }

    [Fact]
    public void A_persons_bonus_grows_on_each_first_of_January_up_to_fifteen()
    {
        var person = PersonRegistered(new DateOnly(2024, 3, 1));
        var changes = Next(person, Today);
        Assert.Equal([2027, 2028, 2029, 2030], changes.Select(c => c.On.Year));
        Assert.All(changes, c => Assert.Equal((1, 1), (c.On.Month, c.On.Day)));
        Assert.Equal([1006, 1009, 1012, 1015], changes.Select(c => c.Score!.Value));
        Assert.Equal("上一年度无失信扣分，年度奖励累计+6分", changes[0].What);
    }

    [Fact]
    public void An_officials_stars_come_back_when_the_sanction_expires()
    {
        var change = Assert.Single(Next(Official, Today, Make("O-DISCIPLINE-WARNING", new DateOnly(2026, 3, 1))));
        Assert.Equal(new DateOnly(2027, 3, 1), change.On); // L1495: 1 year
        Assert.Equal((1000, 3, (string?)null), (change.Score, change.Stars, change.Grade));
    }

    [Fact]
    public void An_institution_is_not_scored_so_nothing_changes_by_itself()
    {
        var institution = new SubjectProfile(SubjectKind.Institution, "11370303MB2850000A", new DateOnly(2020, 1, 1));
        Assert.Empty(Next(institution, Today, Make("P-AWARD-CITY-GOV", new DateOnly(2026, 5, 1))));
    }
}
