using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>The level of Party committee and government that responds to an emergency (L3386).</summary>
[GenerateSerializer]
public enum Jurisdiction
{
    /// <summary>区委、区政府 (一般).</summary>
    District = 1,
    /// <summary>市委、市政府 (较大).</summary>
    City = 2,
    /// <summary>市委、市政府报请省委、省政府 (重大, 特别重大).</summary>
    CityAndProvince = 3,
}

public static class Jurisdictions
{
    public static string ToChinese(this Jurisdiction jurisdiction) => jurisdiction switch
    {
        // L3386 初判发生一般突发事件，区委、区政府立即启动应急响应
        Jurisdiction.District => "区委、区政府",
        // L3386 初判发生较大突发事件，报请市委、市政府立即启动应急响应
        Jurisdiction.City => "市委、市政府",
        // L3386 由市委、市政府报请省委、省政府立即启动应急响应
        Jurisdiction.CityAndProvince => "市委、市政府报请省委、省政府",
        _ => throw new ArgumentOutOfRangeException(nameof(jurisdiction), jurisdiction, "not a jurisdiction"),
    };
}
