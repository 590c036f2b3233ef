namespace CreditGrid.Core.Emergency;

/// <summary>The four categories of emergency (domain-rules §8); the Chinese names are the catalogue values.</summary>
public static class EventCategories
{
    // L3373 （1）自然灾害
    public const string NaturalDisaster = "自然灾害";
    // L3374 （2）事故灾难
    public const string Accident = "事故灾难";
    // L3375 （3）公共卫生事件
    public const string PublicHealth = "公共卫生事件";
    // L3376 （4）社会安全事件
    public const string SocialSafety = "社会安全事件";

    public static readonly IReadOnlyList<string> All = [NaturalDisaster, Accident, PublicHealth, SocialSafety];

    public static bool IsValid(string? category) => category is not null && All.Contains(category);
}
