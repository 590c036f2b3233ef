using CreditGrid.Core.Merchants;
using CreditGrid.Core.Street;

namespace CreditGrid.Core.Tests.Street;

/// <summary>L3337 targets compared exactly on the counts (domain-rules §7); the board lists attention first.</summary>
public class BoardTests
{
    private static List<MerchantTile> Tiles(int red, int blue, int yellow, int black) =>
        [.. Enumerable.Range(0, red + blue + yellow + black).Select(i => new MerchantTile(
            $"M{i:D5}", $"店{i}", "水晶街",
            i < red ? MerchantColor.Red : i < red + blue ? MerchantColor.Blue : i < red + blue + yellow ? MerchantColor.Yellow : MerchantColor.Black,
            "A", 1000 - i % 7, null, 0, 0))];

    [Fact]
    public void Blue_or_better_968_of_1019_is_94_995_percent_and_not_met()
    {
        // 20 × 968 = 19,360 < 19 × 1,019 = 19,361: short by a twentieth of a merchant, though the share rounds to 0.95.
        var board = Ranking.Board("水晶街", Tiles(red: 600, blue: 368, yellow: 51, black: 0));
        Assert.Equal(0.95, board.Targets.BlueOrBetterShare);
        Assert.False(board.Targets.BlueOrBetterMet);
        Assert.True(board.Targets.RedMet);
        Assert.False(board.Targets.Met);
    }

    [Fact]
    public void Blue_or_better_969_of_1019_is_met()
    {
        var board = Ranking.Board("水晶街", Tiles(red: 600, blue: 369, yellow: 50, black: 0));
        Assert.True(board.Targets.BlueOrBetterMet);
        Assert.True(board.Targets.Met);
    }

    [Theory]
    [InlineData(510, 1019, true)]   // 2 × 510 = 1,020 ≥ 1,019
    [InlineData(509, 1019, false)]  // 1,018 < 1,019 (49.95 %)
    [InlineData(50, 100, true)]     // exactly half
    public void Red_share_is_compared_on_the_counts(int red, int total, bool met)
    {
        var board = Ranking.Board("水晶街", Tiles(red, total - red, 0, 0));
        Assert.Equal(met, board.Targets.RedMet);
    }

    [Fact]
    public void One_black_merchant_misses_the_black_zero_target()
    {
        var board = Ranking.Board("水晶街", Tiles(red: 99, blue: 0, yellow: 0, black: 1));
        Assert.False(board.Targets.BlackZero);
        Assert.True(board.Targets.BlueOrBetterMet);
        Assert.False(board.Targets.Met);
    }

    [Fact]
    public void The_board_lists_black_then_yellow_then_blue_then_red()
    {
        var board = Ranking.Board("水晶街", Tiles(red: 2, blue: 2, yellow: 2, black: 2));
        Assert.Equal(["black", "black", "yellow", "yellow", "blue", "blue", "red", "red"], board.Merchants.Select(m => m.Color));
    }
}
