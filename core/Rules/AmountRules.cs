using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>Points of an amount-rule entry (domain-rules §3.4); the bands themselves are catalogue data.</summary>
public static class AmountRules
{
    /// <summary>
    /// Interpretation of L1644-L1664 (§3.4): bands are progressive, each paying ⌊part inside the band / perPoint⌋,
    /// at most maxPerBand. E.g. person cash 3,000 → 10 + ⌊2,000/400⌋ = 15.
    /// </summary>
    public static int Progressive(IReadOnlyList<ProgressiveBand>? bands, int maxPerBand, decimal total)
    {
        if (bands is null || total <= 0) return 0;
        var points = 0;
        decimal floor = 0;
        foreach (var band in bands)
        {
            var ceiling = band.UpTo ?? decimal.MaxValue;
            var part = Math.Min(total, ceiling) - floor;
            if (part <= 0) break;
            points += (int)Math.Min(maxPerBand, Math.Floor(part / band.PerPoint));
            floor = ceiling;
        }
        return points;
    }

    /// <summary>L2507-L2555: the year's cumulative hours reach a tier; that tier's value counts (not the sum of tiers).</summary>
    public static int Tier(IReadOnlyList<HourTier> tiers, decimal hours) =>
        tiers.LastOrDefault(t => hours >= t.AtLeast)?.Points ?? 0;

    /// <summary>L2563 新时代文明实践: +points per full `per` hours.</summary>
    public static int PerUnit(decimal per, int points, decimal hours) => hours <= 0 ? 0 : (int)Math.Floor(hours / per) * points;

    /// <summary>L2569-L2586 拾金不昧: each report scores its band; below the first band nothing.</summary>
    public static int PerReport(IReadOnlyList<ReportBand> bands, decimal amount) =>
        bands.LastOrDefault(b => amount >= b.From)?.Points ?? 0;

    /// <summary>
    /// The year's points for a rule, given the amounts of the records that count, in order.
    /// Returns the cumulative total after each record, so each record's share is the difference.
    /// </summary>
    public static int[] Cumulative(AmountRule rule, IReadOnlyList<(decimal Amount, AmountKind? Kind)> amounts)
    {
        var result = new int[amounts.Count];
        decimal cash = 0, goods = 0, hours = 0;
        var reports = 0;
        for (var i = 0; i < amounts.Count; i++)
        {
            var (amount, kind) = amounts[i];
            switch (rule.Type)
            {
                case "progressive":
                    if (kind == AmountKind.Goods) goods += amount; else cash += amount;
                    result[i] = Progressive(rule.Cash, rule.MaxPerBand!.Value, cash) + Progressive(rule.Goods, rule.MaxPerBand!.Value, goods);
                    break;
                case "tiers":
                    hours += amount;
                    result[i] = Tier(rule.Tiers!, hours);
                    break;
                case "perUnit":
                    hours += amount;
                    result[i] = PerUnit(rule.Per!.Value, rule.Points!.Value, hours);
                    break;
                case "perReport":
                    reports += PerReport(rule.Bands!, amount);
                    result[i] = reports;
                    break;
                default:
                    throw new InvalidOperationException($"unknown amount rule '{rule.Type}'");
            }
        }
        return result;
    }

    /// <summary>What one record's amount would earn on its own (its base points).</summary>
    public static int Alone(AmountRule rule, decimal amount, AmountKind? kind) => Cumulative(rule, [(amount, kind)])[0];
}
