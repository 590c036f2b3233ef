using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>
/// 联奖联罚 (L2439): "对表彰奖励信息和严重失信行为实施联奖联罚" — a unit's 表彰奖励 and 通报表扬 records and its
/// severe-list records reach its legal representative / main responsible person / actual controller, and nothing
/// else does (no donations, industry ratings, incentive lists or 其他守信; domain-rules §6, issue 12 item 7).
/// </summary>
public static class JointRewardAndPunishment
{
    /// <summary>The unit groups whose records are honours in the sense of L2439.</summary>
    public static readonly IReadOnlySet<string> HonourGroups = new HashSet<string>(StringComparer.Ordinal) { "表彰奖励信息", "通报表扬信息" };

    /// <summary>Whether a record on this unit row is also recorded on the unit's responsible persons.</summary>
    public static bool Reaches(CatalogEntry unitRow) =>
        unitRow.SevereList || (unitRow.IsCommendation && HonourGroups.Contains(unitRow.Group));
}
