using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Portal;

/// <summary>One subject found by the public lookup: grade and category, never the score (domain-rules §9).</summary>
public sealed record PublicHit(string Kind, string Id, string? Name, string? Grade, string? Category, string? Color);

/// <summary>
/// The portal's lookup (http-api "信用张店 public portal", GET /credit and /api/v1/public/subjects): the operators'
/// search over subject_summary (docs/search.md) restricted to the public kinds, so a person or official is never
/// found; a merchant is found as its enterprise (same code) and carries its street colour.
/// </summary>
public static class PublicLookup
{
    private static readonly IReadOnlyList<SubjectKind> Kinds = [SubjectKind.Enterprise, SubjectKind.Institution];

    public static async Task<(long Total, IReadOnlyList<PublicHit> Items)> Find(
        ISubjectSearch search, IPublicDirectory directory, string q, int page, int pageSize, CancellationToken ct)
    {
        var found = await search.Search(new SearchQuery(q, null, null, null, null, null, page, pageSize) { Kinds = Kinds }, ct);
        var colors = await directory.MerchantColors([.. found.Items.Where(h => h.Kind == SubjectKind.Enterprise).Select(h => h.Id)], ct);
        return (found.Total, [.. found.Items.Where(h => PublicFacts.IsPublicKind(h.Kind)).Select(h => new PublicHit(
            h.Kind.ToWire(), h.Id, h.Name, h.Grade, h.Kind == SubjectKind.Enterprise && h.Grade is { } g ? Grades.EnterpriseCategory(g) : null,
            colors.GetValueOrDefault(h.Id)))]);
    }
}
