using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>A warning level (L3443): 一级 to 四级, shown red, orange, yellow and blue; 一级 is the highest.</summary>
[GenerateSerializer, Immutable]
public sealed record WarningLevel(
    [property: Id(0)] int Level,
    [property: Id(1)] string Color,
    [property: Id(2)] string ChineseName)
{
    // L3443 分别用红色、橙色、黄色和蓝色标示，一级为最高级别
    public static readonly IReadOnlyList<WarningLevel> All =
    [
        new(1, "red", "红色预警"),
        new(2, "orange", "橙色预警"),
        new(3, "yellow", "黄色预警"),
        new(4, "blue", "蓝色预警"),
    ];

    public static bool IsValid(int level) => level is >= 1 and <= 4;

    /// <summary>The warning level 1-4; anything else is out of range.</summary>
    public static WarningLevel For(int level) =>
        IsValid(level) ? All[level - 1] : throw new ArgumentOutOfRangeException(nameof(level), level, "warning level is 1-4");

    public static string ColorOf(int level) => For(level).Color;
}
