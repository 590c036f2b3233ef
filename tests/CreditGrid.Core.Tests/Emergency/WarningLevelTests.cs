using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>L3443 warning levels 1-4 shown red, orange, yellow, blue; level 1 is the highest.</summary>
public class WarningLevelTests
{
    [Theory]
    [InlineData(1, "red", "红色预警")]
    [InlineData(2, "orange", "橙色预警")]
    [InlineData(3, "yellow", "黄色预警")]
    [InlineData(4, "blue", "蓝色预警")]
    public void Warning_level_is_shown_in_its_colour(int level, string color, string chinese)
    {
        var warning = WarningLevel.For(level);
        Assert.Equal(color, warning.Color);
        Assert.Equal(chinese, warning.ChineseName);
        Assert.Equal(color, WarningLevel.ColorOf(level));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-3)]
    [InlineData(int.MaxValue)]
    public void Warning_level_outside_1_to_4_is_out_of_range(int level)
    {
        Assert.False(WarningLevel.IsValid(level));
        Assert.Throws<ArgumentOutOfRangeException>(() => WarningLevel.For(level));
        Assert.Throws<ArgumentOutOfRangeException>(() => WarningLevel.ColorOf(level));
    }
}
