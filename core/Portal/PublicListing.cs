using CreditGrid.Core.Catalog;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Portal;

/// <summary>A subject's place on the 诚信红黑榜 (domain-rules §9), kept with its dossier and projected to public_list.</summary>
[GenerateSerializer, Immutable]
public sealed record PublicListing(
    [property: Id(0)] string List,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Grade,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateOnly Since,
    [property: Id(5)] string? RecordId,
    [property: Id(6)] string? Unit = null,
    [property: Id(7)] int? Stars = null);

/// <summary>
/// domain-rules §9 "诚信红黑榜" (L663-L671), the district's interpretation: the black list is every enterprise
/// downgraded to D (an active 严重失信主体名单 or criminal-penalty record, L789), with that record, until it stops
/// counting; the red list is every enterprise graded AAA with no active sanction record, and the 表彰公示 of officials at
/// 5★/6★ by name, unit and stars (L1520). Persons are never listed (L2439).
/// </summary>
public static class PublicLists
{
    public const string Red = "red";
    public const string Black = "black";

    public static bool IsList(string? list) => list is Red or Black;

    public static PublicListing? For(SubjectKind kind, string? name, string? unit, Evaluation e, PublicListing? before, DateOnly today, IndicatorCatalog catalog) =>
        For(kind, name, unit, e.Grade, e.Downgraded, e.Stars, e.Records, before, today, catalog);

    /// <summary>The same listing from the score-only evaluation a save makes (issue 16).</summary>
    public static PublicListing? For(SubjectKind kind, string? name, string? unit, Standing s, PublicListing? before, DateOnly today, IndicatorCatalog catalog) =>
        For(kind, name, unit, s.Grade, s.Downgraded, s.Stars, s.Records, before, today, catalog);

    private static PublicListing? For<TRecord>(SubjectKind kind, string? name, string? unit, string? grade, bool downgraded, int? stars,
        IReadOnlyList<TRecord> records, PublicListing? before, DateOnly today, IndicatorCatalog catalog)
        where TRecord : IRecordFacts
    {
        switch (kind)
        {
            case SubjectKind.Enterprise when downgraded:
                // The record that downgrades (L789): the earliest counting one on a downgrading row.
                TRecord? cause = default;
                var found = false;
                foreach (var r in records)
                {
                    if (!PublicFacts.Counts(r.Status) || !catalog.TryGet(r.Indicator, out var entry) || !entry.Downgrade) continue;
                    if (found && (r.OccurredAt > cause!.OccurredAt
                        || (r.OccurredAt == cause.OccurredAt && string.CompareOrdinal(r.RecordId, cause.RecordId) >= 0))) continue;
                    cause = r;
                    found = true;
                }
                if (!found) return null;
                return new PublicListing(Black, name, grade, $"{cause!.Name}（{cause.Department}{(cause.ActionRef is { } d ? "，" + d : "")}），降为 D 级",
                    cause.OccurredAt, cause.RecordId);
            case SubjectKind.Enterprise when grade == "AAA" && !AnyCountingSanction(records):
                return new PublicListing(Red, name, "AAA", "信用等级 AAA，无有效失信记录", SinceOf(Red, before, today), null);
            case SubjectKind.Official when stars is >= 5 and var s:
                return new PublicListing(Red, name, null, $"{s}星（{Grades.StarName(s)}）公职人员，表彰公示", SinceOf(Red, before, today), null, unit, s);
            default:
                return null;
        }
    }

    private static bool AnyCountingSanction<TRecord>(IReadOnlyList<TRecord> records) where TRecord : IRecordFacts
    {
        for (var i = 0; i < records.Count; i++)
            if (PublicFacts.Counts(records[i].Status) && records[i].BasePoints < 0) return true;
        return false;
    }

    /// <summary>A subject that stays on the red list keeps the day it got there.</summary>
    private static DateOnly SinceOf(string list, PublicListing? before, DateOnly today) => before?.List == list ? before.Since : today;
}
