using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>Table 9.1 (seed L3655-L3912): every event type resolves to its category and lead departments.</summary>
public class EventTypeTests
{
    private static readonly EmergencyReference Reference = EmergencyReference.Default;

    // Read by hand from the seed; "inherits" rows have a blank lead cell and share the lead of the row above.
    [Theory]
    [InlineData("防汛抗旱防台风", "自然灾害", "区应急管理局、区水利局、区综合行政执法局")] // L3662
    [InlineData("森林草场火灾", "自然灾害", "区应急管理局、市自然资源和规划局张店分局")] // L3678
    [InlineData("恶劣天气灾害", "自然灾害", "区应急管理局、区综合行政执法局、区交通运输局、张店交警大队")] // L3694
    [InlineData("清雪除冰工作", "自然灾害", "区综合行政执法局")] // L3698
    [InlineData("危险化学品事故", "事故灾难", "区应急管理局")] // L3712 inherits L3709
    [InlineData("火灾事故", "事故灾难", "张店消防救援大队")] // L3716
    [InlineData("城市公共交通突发事件", "事故灾难", "区交通运输局")] // L3728 inherits L3725
    [InlineData("供热事故", "事故灾难", "区城乡住房建设局")] // L3736 inherits L3733
    [InlineData("城镇燃气安全事故", "事故灾难", "区城乡住房建设局")] // L3740 inherits L3733 through L3736
    [InlineData("大面积停电事件、发电企业生产安全事故", "事故灾难", "区发展改革局、国网淄博供电公司张店供电部")] // L3748
    [InlineData("核事故", "事故灾难", "区工业和信息化局")] // L3760 inherits L3757
    [InlineData("民爆物品安全生产事故", "事故灾难", "区工业和信息化局")] // L3764 inherits L3757
    [InlineData("重污染天气", "事故灾难", "市生态环境局张店分局")] // L3772 inherits L3769
    [InlineData("生态破坏事件", "事故灾难", "市生态环境局张店分局")] // L3780 inherits L3769
    [InlineData("道路交通事故", "事故灾难", "张店交警大队")] // L3792
    [InlineData("旅游突发事件", "事故灾难", "区文化旅游局")] // L3796
    [InlineData("公共卫生事件", "公共卫生事件", "区卫生健康局")] // L3806
    [InlineData("群体性不明原因疾病", "公共卫生事件", "区卫生健康局")] // L3814 inherits L3807
    [InlineData("职业中毒事件", "公共卫生事件", "区卫生健康局")] // L3818 inherits L3807
    [InlineData("药品安全事件", "公共卫生事件", "区市场监督管理局")] // L3826 inherits L3823
    [InlineData("疫苗安全事件", "公共卫生事件", "区市场监督管理局、区卫生健康局")] // L3830
    [InlineData("动物疫情", "公共卫生事件", "区农业农村局、市自然资源和规划局张店分局")] // L3834
    [InlineData("恐怖袭击事件", "社会安全事件", "张店公安分局")] // L3848 inherits L3845
    [InlineData("刑事案件", "社会安全事件", "张店公安分局")] // L3852 inherits L3845
    [InlineData("群体性事件", "社会安全事件", "区委政法委、张店公安分局")] // L3856
    [InlineData("粮食安全风险防控", "社会安全事件", "区发展改革局")] // L3872 inherits L3869
    [InlineData("舆情突发事件", "社会安全事件", "区委宣传部")] // L3888 inherits L3885
    [InlineData("群体性信访事件", "社会安全事件", "区信访局")] // L3896
    public void Hand_picked_type_resolves_to_the_category_and_lead_departments_read_from_the_seed(string type, string category, string leads)
    {
        Assert.True(Reference.TryGetType(type, out var info));
        Assert.Equal(type, info.Type);
        Assert.Equal(category, info.Category);
        Assert.Equal(leads.Split('、'), info.LeadDepartments);
    }

    [Fact]
    public void Type_危险化学品事故_is_an_accident_led_by_the_emergency_management_bureau_shared_from_the_row_above()
    {
        Assert.True(Reference.TryGetType("危险化学品事故", out var info));
        Assert.Equal(EventCategories.Accident, info.Category);
        Assert.Equal(["区应急管理局"], info.LeadDepartments);
        Assert.Equal(3712, info.SeedLine);
        Assert.Equal(3709, info.LeadInheritedFromLine);
    }

    [Fact]
    public void Type_防汛抗旱防台风_is_a_natural_disaster_led_by_three_departments_of_its_own_cell()
    {
        Assert.True(Reference.TryGetType("防汛抗旱防台风", out var info));
        Assert.Equal(EventCategories.NaturalDisaster, info.Category);
        Assert.Equal(["区应急管理局", "区水利局", "区综合行政执法局"], info.LeadDepartments);
        Assert.Null(info.LeadInheritedFromLine);
    }

    [Fact]
    public void Type_城镇燃气安全事故_inherits_through_two_blank_cells_from_建设工程事故()
    {
        Assert.True(Reference.TryGetType("城镇燃气安全事故", out var info));
        Assert.Equal(["区城乡住房建设局"], info.LeadDepartments);
        Assert.Equal(3733, info.LeadInheritedFromLine);
    }

    public static TheoryData<string> AllTypes() => new(EmergencyReference.Default.EventTypes.Select(t => t.Type));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_loaded_type_has_a_valid_category_and_non_empty_lead_departments(string type)
    {
        Assert.True(Reference.TryGetType(type, out var info));
        Assert.Contains(info.Category, EventCategories.All);
        Assert.NotEmpty(info.LeadDepartments);
        Assert.All(info.LeadDepartments, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.InRange(info.SeedLine, 3655, 3912);
    }

    [Fact]
    public void Table_9_1_has_10_natural_disasters_23_accidents_8_public_health_and_14_social_safety_types()
    {
        var counts = Reference.EventTypes.GroupBy(t => t.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, counts[EventCategories.NaturalDisaster]);
        Assert.Equal(23, counts[EventCategories.Accident]);
        Assert.Equal(8, counts[EventCategories.PublicHealth]);
        Assert.Equal(14, counts[EventCategories.SocialSafety]);
        Assert.Equal(55, Reference.EventTypes.Count);
    }

    [Fact]
    public void Rows_are_numbered_from_1_within_each_category_in_seed_order()
    {
        foreach (var group in Reference.EventTypes.GroupBy(t => t.Category))
            Assert.Equal(Enumerable.Range(1, group.Count()), group.Select(t => t.Number));
        Assert.Equal(Reference.EventTypes.Select(t => t.SeedLine).Order(), Reference.EventTypes.Select(t => t.SeedLine));
    }

    [Theory]
    [InlineData("大面积停电事件")]
    [InlineData("发电企业生产安全事故")]
    public void Either_half_of_the_compound_row_finds_the_power_outage_row(string type)
    {
        Assert.True(Reference.TryGetType(type, out var info));
        Assert.Equal("大面积停电事件、发电企业生产安全事故", info.Type);
        Assert.Equal(["区发展改革局", "国网淄博供电公司张店供电部"], info.LeadDepartments);
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored_when_looking_up_a_type()
    {
        Assert.True(Reference.TryGetType("  火灾事故 ", out var info));
        Assert.Equal("火灾事故", info.Type);
    }

    [Theory]
    [InlineData("外星人入侵")]
    [InlineData("危险化学品")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Unknown_type_is_not_found(string? type)
    {
        Assert.False(Reference.TryGetType(type, out var info));
        Assert.Null(info);
    }
}
