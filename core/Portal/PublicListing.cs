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

    public static PublicListing? For(SubjectKind kind, string? name, string? unit, Evaluation e, PublicListing? before, DateOnly today, IndicatorCatalog catalog)
    {
        switch (kind)
        {
            case SubjectKind.Enterprise when e.Downgraded:
                // The record that downgrades (L789): the earliest counting one on a downgrading row.
                var cause = e.Records
                    .Where(r => PublicFacts.Counts(r.Status) && catalog.TryGet(r.Indicator, out var entry) && entry.Downgrade)
                    .OrderBy(r => r.OccurredAt).ThenBy(r => r.RecordId, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (cause is null) return null;
                return new PublicListing(Black, name, e.Grade, $"{cause.Name}（{cause.Department}{(cause.ActionRef is { } d ? "，" + d : "")}），降为 D 级",
                    cause.OccurredAt, cause.RecordId);
            case SubjectKind.Enterprise when e.Grade == "AAA"
                && !e.Records.Any(r => PublicFacts.Counts(r.Status) && r.BasePoints < 0):
                return new PublicListing(Red, name, "AAA", "信用等级 AAA，无有效失信记录", SinceOf(Red, before, today), null);
            case SubjectKind.Official when e.Stars is >= 5 and var stars:
                return new PublicListing(Red, name, null, $"{stars}星（{Grades.StarName(stars)}）公职人员，表彰公示", SinceOf(Red, before, today), null, unit, stars);
            default:
                return null;
        }
    }

    /// <summary>A subject that stays on the red list keeps the day it got there.</summary>
    private static DateOnly SinceOf(string list, PublicListing? before, DateOnly today) => before?.List == list ? before.Since : today;
}
