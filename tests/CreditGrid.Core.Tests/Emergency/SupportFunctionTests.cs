using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>Table 9.2 (seed L3914-L3990): support functions with lead and cooperating departments.</summary>
public class SupportFunctionTests
{
    private static readonly EmergencyReference Reference = EmergencyReference.Default;

    [Fact]
    public void Table_9_2_has_ten_support_functions_in_seed_order()
    {
        Assert.Equal(
            ["交通运输保障", "通信保障", "现场信息保障", "医疗保障", "抢险救援物资装备保障", "群众生活保障", "社会秩序保障", "新闻保障", "勤务保障", "专家保障"],
            Reference.SupportFunctions.Select(f => f.Function));
    }

    [Fact]
    public void Medical_support_is_led_by_the_health_bureau_with_five_cooperating_units()
    {
        var medical = Reference.SupportFunctions.Single(f => f.Function == "医疗保障");
        Assert.Equal(["区卫生健康局"], medical.LeadDepartments);
        Assert.Equal(["区发展改革局", "区工业和信息化局", "区市场监督管理局", "区人武部", "区红十字会"], medical.CooperatingDepartments);
        Assert.Equal(3936, medical.SeedLine);
    }

    [Fact]
    public void Rescue_materials_support_has_two_lead_departments()
    {
        var materials = Reference.SupportFunctions.Single(f => f.Function == "抢险救援物资装备保障");
        Assert.Equal(["区发展改革局", "区应急管理局"], materials.LeadDepartments);
        Assert.Equal(6, materials.CooperatingDepartments.Count);
    }

    [Fact]
    public void Expert_support_led_by_the_event_lead_resolves_to_the_lead_of_the_incident_type()
    {
        var experts = Reference.SupportFunctions.Single(f => f.Function == "专家保障");
        Assert.Equal([SupportFunctionInfo.EventLead], experts.LeadDepartments);
        Assert.True(Reference.TryGetType("危险化学品事故", out var type));
        Assert.Equal(["区应急管理局"], experts.LeadsFor(type));
    }

    [Fact]
    public void A_support_function_with_its_own_lead_ignores_the_incident_type()
    {
        var news = Reference.SupportFunctions.Single(f => f.Function == "新闻保障");
        Assert.True(Reference.TryGetType("火灾事故", out var type));
        Assert.Equal(["区委宣传部"], news.LeadsFor(type));
        Assert.Equal(["区融媒体中心"], news.CooperatingDepartments);
    }
}
