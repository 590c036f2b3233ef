using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;
using CreditGrid.Dashboard.Hub;
using CreditGrid.Dashboard.Public;
using CreditGrid.Dashboard.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Dashboard;

/// <summary>The dashboard module: the hub and its bridge, the operator page at /, the merchant public page and QR.</summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddCreditGridDashboard(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Instants as the HTTP API writes them (http-api Conventions: 2026-11-28T10:00:00Z).
            o.PayloadSerializerOptions.Converters.Add(new CreditGrid.Core.Json.UtcInstant.Converter());
        });
        services.AddSingleton<GridBridge>();
        services.AddHostedService(sp => sp.GetRequiredService<GridBridge>());
        services.AddCreditReports(); // dashboard/Reports: credit report PDFs, verify page, merchant sign
        return services;
    }

    /// <summary>
    /// Maps the dashboard; the hub requires <paramref name="operatorPolicy"/>, public writes use <paramref name="publicRateLimit"/>
    /// and the merchant page and its QR code <paramref name="anonymousReadLimit"/> (http-api "Authentication and roles").
    /// </summary>
    public static IEndpointRouteBuilder MapCreditGridDashboard(this IEndpointRouteBuilder app, string operatorPolicy, string publicRateLimit, string? anonymousReadLimit = null)
    {
        app.MapHub<GridHub>("/hubs/grid").RequireAuthorization(operatorPolicy);

        // The console's own files (/, /js/*, /css/*) come from ConsoleFiles (static-files middleware, UseCreditGridConsole).
        app.MapConsoleSession();
        app.MapCreditReports(publicRateLimit, anonymousReadLimit);

        // Issue 11 item 12: an unknown code is answered from the street directory, never by activating a merchant grain.
        var page = app.MapGet("/m/{id}", async (string id, string? complaint, string? review, IGrainFactory grains, Core.Records.ILicenceRegistry licences,
                Core.Records.ICommitmentRegistry commitments, GridClock clock, CancellationToken ct) =>
            {
                var view = await grains.IsMerchant(id) ? await grains.Merchant(id).Public() : null;
                if (view is null) return PublicPages.NotFound();
                var (licenceLines, signed) = await MerchantRecords.Load(id, grains, licences, commitments, clock.Today, ct);
                return MerchantPage.Page(view with { Licences = licenceLines }, complaint == "submitted" ? "投诉已提交，我们将尽快核查处理。" : review == "submitted" ? ReviewForm.Submitted : null, signed);
            })
            .AllowAnonymous().WithSummary("The merchant's public page (HTML)");

        app.MapPost("/m/{id}/complaints", async (string id, HttpRequest request, IGrainFactory grains, ComplaintLimit limit) =>
            {
                var (text, contact, refusal) = await ComplaintForm.Read(request, id);
                if (refusal is not null) return refusal;
                if (text.Length is 0 or > 2000 || contact.Length > 200) return Results.Redirect($"/m/{Uri.EscapeDataString(id)}");
                if (!await grains.IsMerchant(id)) return PublicPages.NotFound();
                var result = await grains.Merchant(id).Complain(new ComplaintSubmission(
                    text, contact.Length == 0 ? null : contact, ComplaintLimit.SourceOf(request.HttpContext.Connection.RemoteIpAddress), limit.PerMerchantPerDay));
                if (result.Outcome.Kind == OutcomeKind.TooMany) return PublicPages.TooMany(result.Outcome.Message!);
                return result.Found ? Results.Redirect($"/m/{Uri.EscapeDataString(id)}?complaint=submitted") : PublicPages.NotFound();
            })
            .AllowAnonymous().RequireRateLimiting(publicRateLimit).DisableAntiforgery()
            .WithSummary("The complaint form of the public page (works without JavaScript)")
            .ExcludeFromDescription(); // http-api: HTML form routes are left out of the document (POST /merchants/{id}/complaints is the API)

        app.MapReviewForm(publicRateLimit);

        var qr = app.MapGet("/m/{id}/qr.png", async (string id, IGrainFactory grains, IConfiguration configuration, HttpResponse response) =>
            {
                if (!await grains.IsMerchant(id)) return Results.NotFound();
                response.Headers.CacheControl = "public, max-age=3600"; // the image only changes with PublicBaseUrl
                return Results.File(QrCode.Png($"{Public.PublicAddress.Of(configuration)}/m/{Uri.EscapeDataString(id)}"), "image/png");
            })
            .AllowAnonymous().WithSummary("QR code of the merchant page's absolute URL (PublicBaseUrl)");
        if (anonymousReadLimit is not null)
        {
            page.RequireRateLimiting(anonymousReadLimit);
            qr.RequireRateLimiting(anonymousReadLimit);
        }
        return app;
    }
}
