using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>District response levels (L3386, domain-rules §8): who decides and who commands.</summary>
public class ResponseLevelTests
{
    [Theory]
    [InlineData(1, "一级", "区委、区政府", "区长")]
    [InlineData(2, "二级", "区政府", "常务副区长")]
    [InlineData(3, "三级", "分管副区长", "分管副区长和牵头部门主要负责同志")]
    [InlineData(4, "四级", "主要牵头部门", "牵头部门主要或分管负责同志")]
    public void Response_level_names_who_decides_and_who_commands(int level, string name, string decidedBy, string commander)
    {
        var response = ResponseLevel.For(level);
        Assert.Equal(level, response.Level);
        Assert.Equal(name, response.Name);
        Assert.Equal(decidedBy, response.DecidedBy);
        Assert.Equal(commander, response.Commander);
    }

    [Fact]
    public void Level_1_is_commanded_by_the_district_head_whatever_the_lead_departments()
    {
        Assert.Equal("区长", ResponseLevel.For(1).CommanderFor(["区应急管理局"]));
    }

    [Fact]
    public void Level_2_is_commanded_by_the_executive_deputy_head()
    {
        Assert.Equal("常务副区长", ResponseLevel.For(2).CommanderFor(["区应急管理局"]));
    }

    [Fact]
    public void Level_3_for_a_hazardous_chemicals_accident_names_the_deputy_head_and_the_emergency_bureau_head()
    {
        Assert.True(EmergencyReference.Default.TryGetType("危险化学品事故", out var type));
        Assert.Equal("分管副区长和区应急管理局主要负责同志", ResponseLevel.For(3).CommanderFor(type.LeadDepartments));
    }

    [Fact]
    public void Level_4_for_a_fire_is_commanded_by_the_head_of_the_fire_brigade()
    {
        Assert.True(EmergencyReference.Default.TryGetType("火灾事故", out var type));
        Assert.Equal("张店消防救援大队主要或分管负责同志", ResponseLevel.For(4).CommanderFor(type.LeadDepartments));
    }

    [Fact]
    public void Level_4_with_two_lead_departments_names_both()
    {
        Assert.Equal("区市场监督管理局、区卫生健康局主要或分管负责同志", ResponseLevel.For(4).CommanderFor(["区市场监督管理局", "区卫生健康局"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Response_level_outside_1_to_4_is_out_of_range(int level)
    {
        Assert.False(ResponseLevel.IsValid(level));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseLevel.For(level));
    }
}
