namespace CreditGrid.Core;

/// <summary>The kinds of credit subject (domain-rules §1).</summary>
public enum SubjectKind
{
    Enterprise,
    Person,
    Official,
    Merchant,
    /// <summary>Non-enterprise legal person (非企业法人, L397-L399): not scored, holds honours and severe records and its staff.</summary>
    Institution,
}

public static class SubjectKinds
{
    public static string ToWire(this SubjectKind kind) => kind switch
    {
        SubjectKind.Enterprise => "enterprise",
        SubjectKind.Person => "person",
        SubjectKind.Official => "official",
        SubjectKind.Merchant => "merchant",
        SubjectKind.Institution => "institution",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? text, out SubjectKind kind)
    {
        switch (text)
        {
            case "enterprise": kind = SubjectKind.Enterprise; return true;
            case "person": kind = SubjectKind.Person; return true;
            case "official": kind = SubjectKind.Official; return true;
            case "merchant": kind = SubjectKind.Merchant; return true;
            case "institution": kind = SubjectKind.Institution; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>The kind as people read it (市场主体, 自然人, 公务人员, 商户, 机关事业单位和社会组织).</summary>
    public static string ChineseName(SubjectKind kind) => kind switch
    {
        SubjectKind.Enterprise => "市场主体",
        SubjectKind.Person => "自然人",
        SubjectKind.Official => "公务人员",
        SubjectKind.Merchant => "商户",
        SubjectKind.Institution => "机关事业单位和社会组织",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Persons and officials are natural persons: their IDs are personal data (masked, audited).</summary>
    public static bool IsNaturalPerson(this SubjectKind kind) => kind is SubjectKind.Person or SubjectKind.Official;

    /// <summary>The kind whose indicator table scores this subject: a merchant is scored through its enterprise record (§1).</summary>
    public static SubjectKind ScoredAs(this SubjectKind kind) => kind == SubjectKind.Merchant ? SubjectKind.Enterprise : kind;

    /// <summary>§1: institutions are not scored (the seed gives them no table); their records show points that count for no one.</summary>
    public static bool IsScored(this SubjectKind kind) => kind != SubjectKind.Institution;
}
