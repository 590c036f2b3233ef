namespace CreditGrid.Core.Rules;

/// <summary>Score → grade, category, level and stars (domain-rules §4).</summary>
public static class Grades
{
    public const int BaseScore = 1000; // L789, L1500, L2443

    /// <summary>L793-L799 / L2443-L2451: the AAA … C bands; D only by downgrade.</summary>
    public static string GradeOf(int score, bool downgraded) =>
        downgraded ? "D"
        : score >= 1050 ? "AAA"
        : score >= 1030 ? "AA"
        : score >= 1001 ? "A+"
        : score == 1000 ? "A"
        : score >= 960 ? "A-"
        : score >= 850 ? "B"
        : "C";

    /// <summary>L793: 诚信守法 (AAA…A-), 轻微失信 (B), 一般失信 (C), 严重失信 (D).</summary>
    public static string EnterpriseCategory(string grade) => grade switch
    {
        "B" => "轻微失信",
        "C" => "一般失信",
        "D" => "严重失信",
        _ => "诚信守法",
    };

    /// <summary>L2444-L2451: 诚信模范 (AAA), 诚信优秀 (AA), 诚信 (A+/A/A-), 诚信警示 (B), 失信 (C), 严重失信 (D).</summary>
    public static string PersonLevel(string grade) => grade switch
    {
        "AAA" => "诚信模范",
        "AA" => "诚信优秀",
        "B" => "诚信警示",
        "C" => "失信",
        "D" => "严重失信",
        _ => "诚信",
    };

    /// <summary>L1502-L1507: 6★ ≥1090, 5★ 1060-1089, 4★ 1020-1059, 3★ 980-1019, 2★ 830-979, 1★ ≤829.</summary>
    public static int StarsOf(int score) =>
        score >= 1090 ? 6 : score >= 1060 ? 5 : score >= 1020 ? 4 : score >= 980 ? 3 : score >= 830 ? 2 : 1;

    private static readonly string[] StarKeys = ["0", "1", "2", "3", "4", "5", "6"];

    public static string StarKey(int stars) => StarKeys[stars];

    /// <summary>L1502-L1507: the name of each star level.</summary>
    public static string StarName(int stars) => stars switch
    {
        6 => "诚信模范",
        5 => "诚信优秀",
        4 => "诚信良好",
        3 => "诚信",
        2 => "较诚信",
        1 => "不诚信",
        _ => throw new ArgumentOutOfRangeException(nameof(stars)),
    };
}
