using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Dashboard;

/// <summary>
/// The department desk's page (wwwroot/desk: index.html, its modules and styles; the shared modules under /js/shared):
/// <c>/desk</c> and <c>/desk/</c> are its index.html, answered as the file (no redirect). The shell is public and asks
/// for the key in the browser (http-api "Authentication and roles"); every API call it makes carries that key.
/// </summary>
public static class DeskFiles
{
    private static readonly PathString Index = "/desk/index.html";

    public static IApplicationBuilder UseCreditGridDesk(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && (path.Equals("/desk", StringComparison.Ordinal) || path.Equals("/desk/", StringComparison.Ordinal)))
                context.Request.Path = Index;
            return next(context);
        });
}
