using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Dashboard.Security;

/// <summary>
/// The headers a public government site carries on every public page (issue 15: /credit/** and /m/**): a strict
/// Content-Security-Policy (only this origin's scripts, styles and images; no inline script or style; no framing),
/// X-Content-Type-Options nosniff, Referrer-Policy same-origin (a tracking code in a URL never leaves the site), and
/// Cache-Control: versioned portal assets (?v= of their content, <see cref="PortalAssets"/>) are immutable for a year,
/// unversioned ones revalidate (no-cache), pages and answers are not stored (no-store) unless their endpoint chose
/// (the QR image). Runs before the static files so it sees assets too; the headers are set as the response starts,
/// after the static-files middleware's own Cache-Control (ConsoleFiles writes no-cache for everything it serves).
/// </summary>
public static class PublicHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string Immutable = "public, max-age=31536000, immutable";

    public static IApplicationBuilder UseCreditGridPublicHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (IsPublic(context.Request.Path)) context.Response.OnStarting(Apply, context);
        return next(context);
    });

    /// <summary>/credit, /credit/…, /m/… (the console at / and the API keep their own headers).</summary>
    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/credit", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/m", StringComparison.OrdinalIgnoreCase);

    private static Task Apply(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate CSP 2
        headers["Referrer-Policy"] = "same-origin";
        if (context.GetEndpoint() is null && PortalAssets.IsAsset(context.Request.Path))
            // A static file (no endpoint matched): immutable only when ?v= names the content being served.
            headers.CacheControl = PortalAssets.IsCurrent(context.Request.Path, context.Request.Query["v"]) ? Immutable : "no-cache";
        else if (string.IsNullOrEmpty(headers.CacheControl))
            headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }
}
