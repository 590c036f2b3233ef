namespace CreditGrid.Core.Rules;

/// <summary>
/// Honours on a unit reaching its staff (L2458-L2462, domain-rules §6). The honour names the person-table row it
/// corresponds to (表彰信息 L2619-L2655, 通报表扬信息 L2661-L2703) and a scope; each staff member gets that row, the row
/// one level lower on the ladder 党中央、国务院 → 部委 → 省委省政府 → 省级部门 → 市委市政府 → 市级部门 → 区委区政府 →
/// 区级部门 (→ nothing below), or nothing.
/// </summary>
public static class UnitHonours
{
    public const string Collective = "collective";     // L2458 单位获得省市级以上集体类荣誉表彰
    public const string DistrictLead = "district-lead"; // L2459 以张店区为表彰对象
    public const string Town = "town";                 // L2460 以镇（街道）和农村、社区为表彰对象
    public const string Group = "group";               // L2461 “诚信示范户”等团体类荣誉

    public static readonly IReadOnlyList<string> Scopes = [Collective, DistrictLead, Town, Group];

    public static readonly IReadOnlyList<string> Roles = ["head", "deputy", "staff"];

    // The ladder, highest first; null where the person table has no row at that level (no 区级部门表彰 row).
    private static readonly string?[] Awards =
        ["P-AWARD-CENTRAL", "P-AWARD-MINISTRY", "P-AWARD-PROVINCE-GOV", "P-AWARD-PROVINCE-DEPT", "P-AWARD-CITY-GOV", "P-AWARD-CITY-DEPT", "P-AWARD-DISTRICT-GOV", null];
    private static readonly string?[] Praises =
        ["P-PRAISE-CENTRAL", "P-PRAISE-MINISTRY", "P-PRAISE-PROVINCE-GOV", "P-PRAISE-PROVINCE-DEPT", "P-PRAISE-CITY-GOV", "P-PRAISE-CITY-DEPT", "P-PRAISE-DISTRICT-GOV", "P-PRAISE-DISTRICT-DEPT"];

    /// <summary>Index of 市级部门 on the ladder: an honour from there or above is 省市级以上 (L2458).</summary>
    private const int CityDepartment = 5;

    /// <summary>Whether a person-table row can be a unit honour (表彰信息 / 通报表扬信息); other rows on a unit are 422.</summary>
    public static bool IsHonourRow(string code) => Position(code) is not null;

    /// <summary>The same kind of honour one level lower (表彰 and 通报表扬 apart), or null below 区级部门.</summary>
    public static string? OneLevelLower(string code) =>
        Position(code) is var (ladder, i) && i + 1 < ladder.Length ? ladder[i + 1] : null;

    /// <summary>The row a staff member with this role receives for an honour on the unit, or null (domain-rules §6).</summary>
    public static string? RowFor(string honourRow, string scope, string role)
    {
        if (Position(honourRow) is not var (_, level)) return null;
        return scope switch
        {
            // L2458: every staff member other than the head one level lower; the head the row itself (L2439, the
            // higher value, L2456). Below 市级部门 the honour is not 省市级以上: the other staff get nothing.
            Collective => role == "head" ? honourRow : level <= CityDepartment ? OneLevelLower(honourRow) : null,
            // L2459: the lead unit's head by the individual standard, its other staff one level lower.
            DistrictLead => role == "head" ? honourRow : OneLevelLower(honourRow),
            // L2460: 主要负责人 and 分管负责人 (Interpretation: the registered deputy) by the individual standard.
            Town => role is "head" or "deputy" ? honourRow : null,
            // L2461: only the honoured subject.
            _ => null,
        };
    }

    private static (string?[] Ladder, int Index)? Position(string code)
    {
        var i = Array.IndexOf(Awards, code);
        if (i >= 0) return (Awards, i);
        i = Array.IndexOf(Praises, code);
        return i >= 0 ? (Praises, i) : null;
    }
}
