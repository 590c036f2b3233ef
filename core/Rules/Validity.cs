using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>How long a record counts (domain-rules §5).</summary>
public static class Validity
{
    /// <summary>Years a record counts for, and the seed line that says so.</summary>
    public static (int Years, string Why) YearsFor(SubjectKind kind, CatalogEntry entry, int basePoints, int? requestedYears, RulesOptions options)
    {
        if (kind == SubjectKind.Official)
        {
            // L1495: one year; two where the credit centre decides the case is serious.
            return requestedYears == 2 ? (2, "情节较为严重，经区社会信用中心决定有效期2年（L1495）") : (1, "公职人员信用评价有效期1年（L1495）");
        }
        var (years, why) = PersonYears(entry, basePoints);
        return kind == SubjectKind.Person || !options.EnterpriseUsesPersonValidity
            ? (years, why)
            : (years, why + "；企业参照个人有效期（解释，见docs/rules.md）");
    }

    private static (int Years, string Why) PersonYears(CatalogEntry entry, int basePoints)
    {
        if (entry.Downgrade) return (5, "信用降级的，有效期5年（L2467）");
        if (entry.IsSanction)
        {
            var lost = Math.Abs(basePoints);
            // L2467: ≤40 → 1 year, 41-199 → 2 years, ≥200 → 3 years.
            return lost <= 40 ? (1, "减分40分及以下，有效期1年（L2467）")
                : lost < 200 ? (2, "减分41至199分，有效期2年（L2467）")
                : (3, "减分200分及以上，有效期3年（L2467）");
        }
        // L2468: district 1, city 2, province 3, national 5, other 1.
        return entry.Level switch
        {
            "city" => (2, "市级表彰奖励，有效期2年（L2468）"),
            "province" => (3, "省级表彰奖励，有效期3年（L2468）"),
            "national" => (5, "国家级表彰奖励，有效期5年（L2468）"),
            "district" => (1, "区级表彰奖励，有效期1年（L2468）"),
            _ => (1, "其他加分信息有效期1年（L2468）"),
        };
    }

    /// <summary>L2470: continuing dishonesty counts from the day the behaviour ended.</summary>
    public static DateOnly ClockStart(CreditRecord record) => record.EndedAt ?? record.OccurredAt;
}
