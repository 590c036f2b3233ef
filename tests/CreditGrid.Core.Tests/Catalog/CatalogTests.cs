using CreditGrid.Core.Catalog;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Tests.Catalog;

public class CatalogTests
{
    private static IndicatorCatalog Catalog => IndicatorCatalog.Default;

    [Theory]
    // Table rows (domain-rules §2) + project-added entries (amount rules, criminal penalty).
    [InlineData(SubjectKind.Enterprise, 93, 3)]
    [InlineData(SubjectKind.Official, 133, 2)]
    [InlineData(SubjectKind.Person, 128, 3)]
    public void Every_table_row_of_the_seed_is_an_entry(SubjectKind kind, int tableRows, int added)
    {
        var entries = Catalog.Of(kind);
        Assert.Equal(tableRows + added, entries.Count);
    }

    [Fact]
    public void Codes_are_unique_across_all_kinds_and_group_name_is_unique_per_kind()
    {
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(e => e.Code).Distinct().Count());
        foreach (var kind in new[] { SubjectKind.Enterprise, SubjectKind.Official, SubjectKind.Person })
        {
            var entries = Catalog.Of(kind);
            Assert.Equal(entries.Count, entries.Select(e => (e.Group, e.Name)).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("E-PEN-FINE-10K-100K", "行政处罚信息", "处以1万元至10万元（含）罚款行政处罚的", -40)]
    [InlineData("E-EXEC-JUDGMENT-DEBTOR", "高管失信信息", "法定代表人、实际控制人等被列入被执行人的", -20)]
    [InlineData("E-AWARD-NATIONAL", "表彰奖励信息", "受到国家级表彰奖励的", 100)]
    [InlineData("P-PEN-FINE-500-1000", "行政处罚信息", "处以500元-1000元（含）及以下罚款行政处罚的", -20)]
    [InlineData("P-REPAIRED-REFUSE-OBLIGATION", "司法执行信息", "拒不履行法定义务，影响司法机关、行政机关公信力的，在主动履行法定义务后，经信息提供单位同意，信用修复的", -80)]
    [InlineData("O-DISCIPLINE-WARNING", "党纪处分", "受到警告处分的", -10)]
    [InlineData("O-SPORTS-CITY-2ND", "文体活动", "荣获淄博市级组织的文体活动前三名的（第二名）", 6)]
    public void Known_rows_carry_the_seed_text_verbatim_and_their_points(string code, string group, string name, int points)
    {
        var e = Catalog.Get(code);
        Assert.Equal(group, e.Group);
        Assert.Equal(name, e.Name);
        Assert.Equal(points, e.Points);
    }

    [Fact]
    public void The_duplicated_enterprise_donation_band_is_kept_once()
    {
        // L852 and L859 repeat the 10001-50000 band.
        var bands = Catalog.Of(SubjectKind.Enterprise).Where(e => e.Name.StartsWith("现金捐款10001-50000元的", StringComparison.Ordinal)).ToList();
        Assert.Single(bands);
    }

    [Fact]
    public void Criminal_penalty_is_an_enterprise_entry_of_zero_points_that_downgrades()
    {
        var e = Catalog.Of(SubjectKind.Enterprise).Single(x => x.Name.Contains("刑事处罚"));
        Assert.Equal(0, e.Points);
        Assert.True(e.Downgrade);
        Assert.True(e.Reportable);
    }

    [Fact]
    public void Severe_list_rows_are_minus_600_and_downgrade()
    {
        var severe = Catalog.All.Where(e => e.SevereList).ToList();
        Assert.Equal(27 + 6, severe.Count);
        Assert.All(severe, e => { Assert.Equal(-600, e.Points); Assert.True(e.Downgrade); });
    }

    [Fact]
    public void Band_rows_point_to_a_reportable_amount_rule_entry_of_their_kind()
    {
        var bands = Catalog.All.Where(e => e.BandOf is not null).ToList();
        Assert.Equal(8 + 4 + 9 + 4 + 4 + 9, bands.Count);
        Assert.All(bands, b =>
        {
            Assert.False(b.Reportable);
            var rule = Catalog.Get(b.BandOf!);
            Assert.Equal(b.Kind, rule.Kind);
            Assert.True(rule.Reportable);
            Assert.NotNull(rule.AmountRule);
        });
        foreach (var code in new[] { "E-DONATION-COMPANY", "E-DONATION-INDIVIDUAL", "P-DONATION", "P-VOLUNTEER", "P-FOUND-PROPERTY", "P-CIVILISATION-PRACTICE", "O-DONATION", "O-VOLUNTEER" })
            Assert.NotNull(Catalog.Get(code).AmountRule);
    }

    [Fact]
    public void Enterprise_honour_and_severe_rows_name_the_person_row_for_joint_reward_and_punishment()
    {
        var needing = Catalog.Of(SubjectKind.Enterprise)
            .Where(e => e.Reportable && JointRewardAndPunishment.Reaches(e)).ToList();
        Assert.Equal(14 + 27, needing.Count); // 7 表彰奖励 + 7 通报表扬 rows, 27 severe-list rows
        Assert.All(needing, e =>
        {
            Assert.NotNull(e.PersonRow);
            var p = Catalog.Get(e.PersonRow!);
            Assert.Equal("person", p.Kind);
            Assert.Equal(e.Polarity, p.Polarity);
            Assert.Equal(e.SevereList, p.SevereList);
        });
    }

    [Theory]
    [InlineData("E-DONATION-COMPANY")]
    [InlineData("E-DONATION-INDIVIDUAL")]
    [InlineData("E-INCENT-JOINT-LIST")]
    [InlineData("E-INCENT-GENERAL-INDUSTRY-HIGH")]
    [InlineData("E-OTHER-GOOD-CONDUCT")]
    public void Donations_ratings_lists_and_other_good_conduct_stay_with_the_enterprise_L2439(string code)
    {
        Assert.False(JointRewardAndPunishment.Reaches(Catalog.Get(code)));
        Assert.Null(Catalog.Get(code).PersonRow);
    }

    [Fact]
    public void Person_refusal_severe_row_is_repaired_into_the_minus_80_row()
    {
        var severe = Catalog.Get("P-SEVERE-REFUSE-OBLIGATION");
        Assert.Equal("P-REPAIRED-REFUSE-OBLIGATION", severe.RepairReplacement);
        Assert.Equal(-80, Catalog.Get(severe.RepairReplacement!).Points);
    }

    [Fact]
    public void Commendations_have_a_level_and_sanctions_none()
    {
        Assert.All(Catalog.All, e => Assert.Equal(e.IsCommendation, e.Level is not null));
    }

    [Fact]
    public void Merchant_is_scored_with_the_enterprise_table()
    {
        Assert.Same(Catalog.Of(SubjectKind.Enterprise), Catalog.Of(SubjectKind.Merchant));
    }
}
