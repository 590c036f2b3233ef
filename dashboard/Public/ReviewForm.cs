using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Dashboard.Public;

/// <summary>
/// The review form of the merchant page (issue 15 item 6): <c>POST /m/{id}/reviews</c> with <c>stars</c> (1-5) and an
/// optional <c>text</c> (at most 500), works without JavaScript, answers a redirect to the page or a Chinese page;
/// the same daily cap per address as <c>POST /api/v1/merchants/{id}/reviews</c> (RateLimits:ReviewsPerMerchantPerDay),
/// 429 as an HTML page.
/// </summary>
public static class ReviewForm
{
    public const string Submitted = "评价已提交，感谢您的反馈。";

    public static RouteHandlerBuilder MapReviewForm(this IEndpointRouteBuilder app, string publicRateLimit) =>
        app.MapPost("/m/{id}/reviews", Submit)
            .AllowAnonymous().RequireRateLimiting(publicRateLimit).DisableAntiforgery()
            .WithSummary("The review form of the public page (works without JavaScript)")
            .ExcludeFromDescription(); // http-api: HTML form routes are left out of the document (POST /merchants/{id}/reviews is the API)

    private static async Task<IResult> Submit(string id, HttpRequest request, IGrainFactory grains, ReviewLimit limit)
    {
        var (form, refusal) = await ComplaintForm.ReadForm(request, id);
        if (form is null) return refusal!;
        if (!int.TryParse(form["stars"].ToString(), out var stars) || stars is < 1 or > 5)
            return ComplaintForm.Page(StatusCodes.Status422UnprocessableEntity, "请选择1至5星的评分。", id);
        var text = form["text"].ToString().Trim();
        if (text.Length > 500) return ComplaintForm.Page(StatusCodes.Status422UnprocessableEntity, "评价内容最多500字。", id);
        if (!await grains.IsMerchant(id)) return PublicPages.NotFound();
        var result = await grains.Merchant(id).Review(new ReviewSubmission(stars, text.Length == 0 ? null : text,
            ReviewLimit.SourceOf(request.HttpContext.Connection.RemoteIpAddress), limit.PerMerchantPerDay));
        if (!result.Found) return PublicPages.NotFound();
        if (result.Outcome.Kind == OutcomeKind.TooMany) return PublicPages.TooMany(result.Outcome.Message!);
        return Results.Redirect($"/m/{Uri.EscapeDataString(id)}?review=submitted");
    }
}
