using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Portal;
using CreditGrid.Core.Records;
using CreditGrid.Dashboard.Public;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Dashboard.Portal;

/// <summary>The 信用张店 pages of the portal helper (docs/portal.md): lookup, subject page, 红黑榜, 双公示, commitments.</summary>
public static class PortalExtensions
{
    /// <summary>Maps the pages; the lookup uses <paramref name="searchLimit"/>, the other pages <paramref name="readLimit"/>.</summary>
    public static IEndpointRouteBuilder MapCreditPortal(this IEndpointRouteBuilder app, string searchLimit, string readLimit)
    {
        var group = app.MapGroup("/credit").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("", Lookup).RequireRateLimiting(searchLimit).WithName("PortalLookupPage");
        group.MapGet("/lists/{list}", List).RequireRateLimiting(readLimit).WithName("PortalListPage");
        group.MapGet("/publicity", Publicity).RequireRateLimiting(readLimit).WithName("PortalPublicityPage");
        group.MapGet("/commitments", Commitments).RequireRateLimiting(readLimit).WithName("PortalCommitmentsPage");
        group.MapGet("/{kind}/{id}", Subject).RequireRateLimiting(readLimit).WithName("PortalSubjectPage");
        return app;
    }

    private static async Task<IResult> Lookup(string? q, string? page, ISubjectSearch search, IPublicDirectory directory, CancellationToken ct)
    {
        var text = q?.Trim();
        if (text is { Length: > 100 }) text = text[..100];
        var p = int.TryParse(page, out var n) && n is >= 1 and <= 10_000 ? n : 1;
        if (string.IsNullOrEmpty(text)) return PortalLayout.Page("信用查询", PortalLookupPage.Body(null, 1, 0, []), "/credit");
        var (total, items) = await PublicLookup.Find(search, directory, text, p, PortalLookupPage.PageSize, ct);
        return PortalLayout.Page($"“{text}”的查询结果", PortalLookupPage.Body(text, p, total, items), "/credit");
    }

    private static async Task<IResult> List(string list, string? page, IPublicDirectory directory, GridClock clock, CancellationToken ct)
    {
        if (!PublicLists.IsList(list)) return PortalLayout.Message(StatusCodes.Status404NotFound, "未找到", "没有这个榜单。请查看红榜或黑榜。");
        var p = int.TryParse(page, out var n) && n is >= 1 and <= 100_000 ? n : 1;
        var (total, items) = await directory.List(list, p, PortalListPage.PageSize, ct);
        return PortalLayout.Page(PortalListPage.Title(list), PortalListPage.Body(list, p, total, items, clock.Now), "/credit/lists/" + list);
    }

    private static async Task<IResult> Publicity(string? type, string? days, string? page, IPublicDirectory directory, GridClock clock, CancellationToken ct)
    {
        // The form's values; anything else falls back to the defaults (the JSON answers a 400 instead).
        var t = type is "penalty" ? "penalty" : "licence";
        var d = int.TryParse(days, out var n) && n is >= 1 and <= 3650 ? n : 30;
        var p = int.TryParse(page, out var q) && q is >= 1 and <= 100_000 ? q : 1;
        var today = clock.Today;
        var (total, items) = await directory.Publicity(t, today.AddDays(1 - d), today, p, PortalPublicityPage.PageSize, ct);
        return PortalLayout.Page("双公示", PortalPublicityPage.Body(t, d, p, total, items), "/credit/publicity");
    }

    private static async Task<IResult> Commitments(string? subjectId, ICommitmentRegistry commitments, IGrainFactory grains, CancellationToken ct)
    {
        var id = string.IsNullOrWhiteSpace(subjectId) ? null : subjectId.Trim().ToUpperInvariant();
        if (id is { Length: > 18 }) id = id[..18];
        var found = await commitments.List(id, 1, PortalCommitmentsPage.PageSize, ct);
        return PortalLayout.Page("信用承诺公示", await PortalCommitmentsPage.Body(id, found.Items, found.Total, grains), "/credit");
    }

    private static async Task<IResult> Subject(string kind, string id, IGrainFactory grains, IPublicDirectory directory, ILicenceRegistry licences,
        ICommitmentRegistry commitments, GridClock clock, CancellationToken ct)
    {
        // §9: only enterprises and institutions have a public page; any other kind is "not found", never "forbidden".
        if (!SubjectKinds.TryParse(kind, out var k) || !PublicFacts.IsPublicKind(k) || id.Length > 64) return NotFound();
        var view = await grains.Records(k, id).View(null);
        if (view is null || !view.Registered && view.Name is null) return NotFound();
        var facts = PublicFacts.Of(view);
        var colors = await directory.MerchantColors([id], ct);
        var (licenceLines, signed) = await MerchantRecords.Load(id, grains, licences, commitments, clock.Today, ct);
        return PortalLayout.Page(facts.Name ?? id, PortalSubjectPage.Body(facts, colors.GetValueOrDefault(id), licenceLines, signed, clock.Today), "/credit");
    }

    private static IResult NotFound() =>
        PortalLayout.Message(StatusCodes.Status404NotFound, "未找到", "没有找到该企业或单位的公示信息。请通过信用查询按名称或统一社会信用代码查找。");
}
