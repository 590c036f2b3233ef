using CreditGrid.Api.Auth;
using CreditGrid.Api.Endpoints;
using CreditGrid.Api.Extensions;
using CreditGrid.Dashboard;
using CreditGrid.Core.Catalog;
using CreditGrid.Silo.Hosting;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo;

/// <summary>The table of contents of the host: what it is made of, in order. Tests build the same host.</summary>
public static class CreditGridHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The configuration the host would read (appsettings, environment, command line), for one-off commands.</summary>
    public static IConfiguration Configuration(string[] args) => CreateBuilder(args).Configuration;

    /// <summary>
    /// appsettings are read once: reloading them on change makes .NET watch the whole content root, and the embedded
    /// database lives under it (data/), so every SQLite write woke the watcher (3-5 % of the silo's CPU under load,
    /// docs/benchmarks.md). A later --hostBuilder:reloadConfigOnChange=true on the command line still wins.
    /// </summary>
    private static string[] Defaults(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];

    /// <summary>The shipped settings come from the program itself, whatever the working folder (Hosting/ShippedDefaults.cs).</summary>
    private static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(Defaults(args));
        builder.Configuration.AddShippedDefaults();
        return builder;
    }

    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        // A busy address or an unwritable data folder stops the start here, before anything is written (issue 11 item 6).
        StartupChecks.Run(builder.Configuration, builder.Configuration["urls"] ?? DefaultUrl);

        // Fail at start, naming the bad entry, if the catalogue data is broken (docs/catalogue.md).
        _ = IndicatorCatalog.Default;

        builder.AddCreditGridApiKeys();
        builder.Services.AddCreditGridApi(builder.Configuration);
        builder.Services.AddCreditGridDashboard();
        builder.AddCreditGridOrleansDashboardAuth(); // /orleans/ for operators (Hosting/OrleansDashboardHosting.cs)
        builder.AddCreditGridTelemetry();
        builder.AddCreditGridGrid();
        builder.AddCreditGridOperations();
        builder.AddCreditGridLogRedaction(); // last: it wraps the logging everything above set up

        var app = builder.Build();
        await Migrations.Apply(app.Services.GetRequiredService<Database>());

        // The grid's clock on every response, so screens count down in server time (docs/design.md).
        var clock = app.Services.GetRequiredService<CreditGrid.Core.Grid.GridClock>();
        // Set as the response starts: the exception handler clears headers before it writes a mapped problem.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Grid-Now"] = clock.Now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCreditGridConsole(); // the console's static files, before keys and limits
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapCreditGridApi();
        app.MapCreditGridOperations();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapCreditGridDashboard(Policies.Operator, PublicLimits.Policy, PublicLimits.AnonymousReads);
        app.MapCreditGridOrleansDashboard();
        CreditGrid.Dashboard.Portal.PortalExtensions.MapCreditPortal(app, PublicLimits.PublicSearch, PublicLimits.AnonymousReads); // 信用张店 lookup, subject page, lists (docs/portal.md)
        CreditGrid.Dashboard.Portal.ApplyEndpoints.MapCreditApply(app, PublicLimits.Policy, PublicLimits.PublicSearch);
        return app;
    }
}
