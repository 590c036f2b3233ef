using CreditGrid.Core.Catalog;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>L2458-L2462: which row each staff member gets for an honour on the unit (domain-rules §6), by hand.</summary>
public class UnitHonoursTests
{
    [Theory]
    // L2458 collective: a 省委省政府 honour (+30) → head +30, others the 省级部门 row (+25).
    [InlineData("P-AWARD-PROVINCE-GOV", "collective", "head", "P-AWARD-PROVINCE-GOV")]
    [InlineData("P-AWARD-PROVINCE-GOV", "collective", "deputy", "P-AWARD-PROVINCE-DEPT")]
    [InlineData("P-AWARD-PROVINCE-GOV", "collective", "staff", "P-AWARD-PROVINCE-DEPT")]
    // 市级部门 is still 省市级以上: staff get 区委区政府 (+5 award, +3 praise).
    [InlineData("P-AWARD-CITY-DEPT", "collective", "staff", "P-AWARD-DISTRICT-GOV")]
    [InlineData("P-PRAISE-CITY-DEPT", "collective", "staff", "P-PRAISE-DISTRICT-GOV")]
    // Below 市级部门 the honour is not 省市级以上: only the head.
    [InlineData("P-AWARD-DISTRICT-GOV", "collective", "staff", null)]
    [InlineData("P-AWARD-DISTRICT-GOV", "collective", "head", "P-AWARD-DISTRICT-GOV")]
    // L2459 district-lead: head the row, others one lower; the table has no 区级部门 表彰 row, so nothing below 区委区政府.
    [InlineData("P-AWARD-DISTRICT-GOV", "district-lead", "head", "P-AWARD-DISTRICT-GOV")]
    [InlineData("P-AWARD-DISTRICT-GOV", "district-lead", "staff", null)]
    [InlineData("P-PRAISE-DISTRICT-GOV", "district-lead", "staff", "P-PRAISE-DISTRICT-DEPT")]
    [InlineData("P-PRAISE-DISTRICT-DEPT", "district-lead", "staff", null)]
    // L2460 town: head and deputy the row itself, other staff nothing.
    [InlineData("P-PRAISE-CITY-GOV", "town", "head", "P-PRAISE-CITY-GOV")]
    [InlineData("P-PRAISE-CITY-GOV", "town", "deputy", "P-PRAISE-CITY-GOV")]
    [InlineData("P-PRAISE-CITY-GOV", "town", "staff", null)]
    // L2461 group: only the honoured subject.
    [InlineData("P-AWARD-CENTRAL", "group", "head", null)]
    // The top of the ladder: 党中央、国务院 → 部委.
    [InlineData("P-AWARD-CENTRAL", "collective", "staff", "P-AWARD-MINISTRY")]
    public void Each_role_gets_the_row_the_seed_gives_it(string honour, string scope, string role, string? expected) =>
        Assert.Equal(expected, UnitHonours.RowFor(honour, scope, role));

    [Theory]
    [InlineData("P-DONATION")]
    [InlineData("P-OTHER-GOOD")]
    public void Rows_outside_the_honour_groups_are_not_unit_honours(string code) => Assert.False(UnitHonours.IsHonourRow(code));

    [Fact]
    public void Every_honour_row_of_the_person_table_is_on_a_ladder_and_each_step_down_loses_points()
    {
        var honours = IndicatorCatalog.Default.Of(SubjectKind.Person).Where(e => e.Group is "表彰信息" or "通报表扬信息").ToList();
        Assert.Equal(15, honours.Count);
        foreach (var e in honours)
        {
            Assert.True(UnitHonours.IsHonourRow(e.Code), e.Code);
            if (UnitHonours.OneLevelLower(e.Code) is { } lower)
            {
                var next = IndicatorCatalog.Default.Get(lower);
                Assert.Equal(e.Group, next.Group);
                Assert.True(next.Points < e.Points, $"{lower} should be worth less than {e.Code}");
            }
        }
    }
}
