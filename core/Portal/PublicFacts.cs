using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Portal;

/// <summary>One record as the public sees it (domain-rules §9): no points, only what the decision says and why it counts.</summary>
public sealed record PublicRecord(
    string RecordId, string Group, string Name, string Department, string? DecisionRef, DateOnly OccurredAt, DateOnly? ExpiresAt, bool Sanction,
    string Citation);

/// <summary>
/// The public facts of an enterprise or institution (domain-rules §9 "Public facts of an enterprise"): name, USCC,
/// grade and category (第二十九条: results that may be published; never the score), the records that count on the day.
/// </summary>
public sealed record PublicSubject(
    SubjectKind Kind, string Id, string? Name, string? Grade, string? Category, string? GradeRange, IReadOnlyList<PublicRecord> Records);

public static class PublicFacts
{
    /// <summary>§9 "Who is public": enterprises (with their merchants, same code) and institutions; never persons or officials.</summary>
    public static bool IsPublicKind(SubjectKind kind) => kind is SubjectKind.Enterprise or SubjectKind.Institution;

    /// <summary>
    /// The records that count on the day: active ones and those under objection (L815: an objection keeps the record
    /// counting) or sharing a decision with a larger sanction (§3 rule 1). Revoked (as if never), repaired (L816),
    /// expired and not-yet-started records are not shown (§9).
    /// </summary>
    public static bool Counts(RecordStatus status) => status is RecordStatus.Active or RecordStatus.Objected or RecordStatus.Superseded;

    public static PublicSubject Of(SubjectView view)
    {
        var records = view.Evaluation.Records
            .Where(r => Counts(r.Status))
            .OrderByDescending(r => r.OccurredAt).ThenBy(r => r.RecordId, StringComparer.Ordinal)
            .Select(r => new PublicRecord(r.RecordId, r.Group, r.Name, r.Department, r.ActionRef, r.OccurredAt, r.ExpiresAt, r.BasePoints < 0, r.Citation))
            .ToList();
        return new PublicSubject(view.Kind, view.Id, view.Name, view.Evaluation.Grade, view.Evaluation.Category, RangeOf(view.Evaluation.Grade), records);
    }

    /// <summary>§9: "points are shown as the grade's range, not the score" (the bands of L793-L799, Grades.GradeOf).</summary>
    public static string? RangeOf(string? grade) => grade switch
    {
        "AAA" => "1050 分及以上",
        "AA" => "1030-1049 分",
        "A+" => "1001-1029 分",
        "A" => "1000 分",
        "A-" => "960-999 分",
        "B" => "850-959 分",
        "C" => "849 分及以下",
        "D" => "列入严重失信主体名单或受刑事处罚（降为 D 级）",
        _ => null,
    };
}
