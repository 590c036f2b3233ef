using CreditGrid.Core.Merchants;

namespace CreditGrid.Core.Street;

/// <summary>Board counts and targets (L3337) and the 示范店 ranking (L3338), from the tiles of one street.</summary>
public static class Ranking
{
    public static StreetBoard Board(string street, IReadOnlyCollection<MerchantTile> tiles)
    {
        var counts = new Dictionary<string, int> { ["red"] = 0, ["blue"] = 0, ["yellow"] = 0, ["black"] = 0 };
        foreach (var t in tiles) counts[t.Color.ToWire()]++;
        var total = tiles.Count;
        double Share(int n) => total == 0 ? 0 : Math.Round((double)n / total, 4);
        int red = counts["red"], blueOrBetter = counts["red"] + counts["blue"];
        // L3337: 黑名单为零, 蓝名单以上占比 ≥ 95%, 红名单占比 ≥ 50% — compared exactly on the counts (§7), never on a
        // rounded share (968 of 1,019 is 94.995 %: not met).
        var blueMet = 20L * blueOrBetter >= 19L * total;
        var redMet = 2L * red >= total;
        var blackZero = counts["black"] == 0;
        var targets = new BoardTargets(blackZero, Share(blueOrBetter), Share(red), blackZero && blueMet && redMet, blueMet, redMet);
        // §7 / http-api "Live dashboard": merchants that need attention first (black, then yellow, then blue, then red).
        return new StreetBoard(street, total, counts, targets,
            [.. tiles.OrderBy(t => AttentionOrder(t.Color)).ThenBy(t => t.Score).ThenBy(t => t.MerchantId, StringComparer.Ordinal)
                .Select(t => new BoardMerchant(t.MerchantId, t.Name, t.Color.ToWire(), t.Grade, t.Score))],
            Exemplary(tiles));
    }

    private static int AttentionOrder(MerchantColor color) => color switch
    {
        MerchantColor.Black => 0,
        MerchantColor.Yellow => 1,
        MerchantColor.Blue => 2,
        _ => 3,
    };

    /// <summary>§7: among red merchants — enterprise score, then average rating, then fewest findings in 12 months, then most votes; top 10.</summary>
    public static IReadOnlyList<ExemplaryMerchant> Exemplary(IEnumerable<MerchantTile> tiles) =>
        [.. tiles.Where(t => t.Color == MerchantColor.Red)
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.AverageRating ?? 0)
            .ThenBy(t => t.FindingsLast12Months)
            .ThenByDescending(t => t.Votes)
            .ThenBy(t => t.MerchantId, StringComparer.Ordinal)
            .Take(10)
            .Select((t, i) => new ExemplaryMerchant(i + 1, t.MerchantId, t.Name, t.Score, t.AverageRating, t.FindingsLast12Months, t.Votes))];
}
