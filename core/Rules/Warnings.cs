namespace CreditGrid.Core.Rules;

/// <summary>
/// §3 rule 8 (Interpretation): the tables have a 通报批评 row but no 警告 row; 行政处罚法 (2021) 第九条 puts 警告 and
/// 通报批评 in one class, so a 警告 scores on the 通报批评 row (enterprise −10 L923, person −5 L1843) and says so.
/// </summary>
public static class Warnings
{
    public const string Warning = "警告";
    public const string Notice = "通报批评";

    /// <summary>The law that puts 警告 and 通报批评 in one class, as people cite it.</summary>
    public const string LawArticle = "《中华人民共和国行政处罚法》第九条";

    /// <summary>The 通报批评 rows a 警告 is reported on.</summary>
    public static readonly IReadOnlySet<string> NoticeRows = new HashSet<string>(StringComparer.Ordinal) { "E-PEN-NOTICE", "P-PEN-CIRCULATED-CRITICISM" };

    /// <summary>The official table has no 通报批评 penalty row (its discipline rows are another matter): no 警告 mapping there.</summary>
    public static bool Fits(string penaltyKind, string indicator) => penaltyKind is Warning or Notice && NoticeRows.Contains(indicator);
}
