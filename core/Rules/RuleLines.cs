namespace CreditGrid.Core.Rules;

/// <summary>
/// The seed line each rule of the engine stands on, per table (enterprise E-, official O-, person P- rows). People never
/// see these numbers: <see cref="Citations.PaperIndex"/> turns them into 《paper》 and article (domain-rules §9).
/// </summary>
public static class RuleLines
{
    /// <summary>The table a catalogue code belongs to, by its prefix.</summary>
    public static SubjectKind TableOf(string indicator) =>
        indicator.StartsWith("O-", StringComparison.Ordinal) ? SubjectKind.Official
        : indicator.StartsWith("P-", StringComparison.Ordinal) ? SubjectKind.Person
        : SubjectKind.Enterprise;

    /// <summary>§3 rule 1: one decision, one highest value — 87号第十八条 (L800), 88号 四、原则（一） (L1509), 89号 二、（三）1 (L2456).</summary>
    public static int Supersede(SubjectKind table) => table switch { SubjectKind.Official => 1509, SubjectKind.Person => 2456, _ => 800 };

    /// <summary>
    /// §5 revocation: 87号第二十九条 (L817); persons 89号 四、（四） (L2489, 行政处罚或者司法判决被撤销); officials have no article of
    /// their own — 88号 二、（四） 纠错 (L1482).
    /// </summary>
    public static int Revoke(SubjectKind table) => table switch { SubjectKind.Official => 1482, SubjectKind.Person => 2489, _ => 817 };

    /// <summary>§5 repair: 87号第二十八条 (L816); persons 89号 四、（三） (L2488); officials 88号 二、（四） (L1482).</summary>
    public static int Repair(SubjectKind table) => table switch { SubjectKind.Official => 1482, SubjectKind.Person => 2488, _ => 816 };

    /// <summary>§5 objection: 87号第二十七条 (L815); persons 89号 四、（四） (L2489); officials (Interpretation) L815.</summary>
    public static int Objection(SubjectKind table) => table == SubjectKind.Person ? 2489 : 815;

    /// <summary>L2469: reported after its validity ended, no longer credit information (Interpretation: all tables).</summary>
    public const int ReportedAfterValidity = 2469;

    /// <summary>L1495: officials' validity, 1 year (2 when serious).</summary>
    public const int OfficialValidity = 1495;

    /// <summary>L2467: sanctions' validity by points, downgrades 5 years (enterprises too, Interpretation §5).</summary>
    public const int SanctionValidity = 2467;

    /// <summary>L2468: commendations' validity by level.</summary>
    public const int CommendationValidity = 2468;

    /// <summary>L1511: an official's repeat in the same 分项 doubles.</summary>
    public const int OfficialRepeat = 1511;

    /// <summary>L2453: the person annual bonus.</summary>
    public const int PersonBonus = 2453;

    /// <summary>L789 (enterprise, 第十四条) and L2452 (person, 二、（二）): severe list (and criminal penalty) → D.</summary>
    public static int Downgrade(SubjectKind table) => table == SubjectKind.Person ? 2452 : 789;

    /// <summary>L2454 (89号 二、（三）, the calculation principles whose items 3-7, L2458-L2462, carry unit honours to staff).</summary>
    public const int UnitHonours = 2454;

    /// <summary>L3502: 特别重大/重大 — authoritative information within 5 h, a press conference within 24 h (95号 4.4.4（1）).</summary>
    public const int ReleaseDeadlines = 3502;

    /// <summary>L3509: 95号 4.4.6 应急结束.</summary>
    public const int EmergencyEnd = 3509;

    /// <summary>L3443: 95号 4.2.2 预警 — levels 1-4, red to blue.</summary>
    public const int WarningLevels = 3443;

    /// <summary>L3386: 95号 1.5 响应分级.</summary>
    public const int ResponseLevels = 3386;

    /// <summary>L3655: 95号 9.1, the event types and their lead departments.</summary>
    public const int EventTypes = 3655;

    /// <summary>L3378: 95号 1.3.2, the four severities.</summary>
    public const int Severities = 3378;

    /// <summary>L3336: 90号 四、（四）, the inspection areas; L3337 四、（五）, rectification of 黄牌/黑牌 merchants.</summary>
    public const int InspectionAreas = 3336;

    /// <summary>Every line above, for the start-up check that each cites a provision of papers.json.</summary>
    public static IEnumerable<int> All =>
    [
        .. new[] { SubjectKind.Enterprise, SubjectKind.Official, SubjectKind.Person }
            .SelectMany(t => new[] { Supersede(t), Revoke(t), Repair(t), Objection(t), Downgrade(t) }),
        ReportedAfterValidity, OfficialValidity, SanctionValidity, CommendationValidity, OfficialRepeat, PersonBonus, UnitHonours,
        ReleaseDeadlines, EmergencyEnd, WarningLevels, ResponseLevels, EventTypes, Severities, InspectionAreas,
    ];
}
