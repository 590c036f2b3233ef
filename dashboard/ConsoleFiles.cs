using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using CreditGrid.Dashboard.Security;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace CreditGrid.Dashboard;

/// <summary>
/// The operator console's files (wwwroot: index.html, js/ modules, css/, the vendored SignalR client) served from the
/// assembly by ASP.NET Core's static-files middleware; <c>/</c> is index.html (issue 13 item 7). Static assets are not
/// rate-limited (http-api "Authentication and roles"), so this runs before the limiter.
/// </summary>
public static class ConsoleFiles
{
    public static IApplicationBuilder UseCreditGridConsole(this IApplicationBuilder app)
    {
        app.UseCreditGridPublicHeaders(); // CSP, nosniff, Referrer-Policy and caching of /credit/** and /m/** (docs/public-pages.md)
        var files = new ManifestEmbeddedFileProvider(typeof(ConsoleFiles).Assembly, "wwwroot");
        app.UseCreditGridDesk(); // /desk is wwwroot/desk/index.html
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = Types(),
            // A new build's modules must reach an open console at its next reload: revalidate (ETag) every time.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }

    /// <summary>The page's text files say their charset; module scripts must be a JavaScript MIME type.</summary>
    private static FileExtensionContentTypeProvider Types()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".svg"] = "image/svg+xml";
        types.Mappings[".txt"] = "text/plain; charset=utf-8";
        return types;
    }
}
