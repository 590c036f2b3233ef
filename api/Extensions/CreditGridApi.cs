using CreditGrid.Api.Auth;
using CreditGrid.Api.Endpoints;
using CreditGrid.Api.OpenApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Extensions;

/// <summary>The api module: services and endpoints the silo host composes.</summary>
public static class CreditGridApi
{
    public static IServiceCollection AddCreditGridApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCreditGridJson();
        services.AddCreditGridProblems();
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddCreditGridPolicies();
        services.AddCreditGridOpenApi();
        services.AddCreditGridRateLimits(configuration);
        services.AddSingleton<Imports.ImportSignal>().AddHostedService<Imports.ImportWorker>();
        services.AddUtf8RequestTargets();
        return services;
    }

    public static IEndpointRouteBuilder MapCreditGridApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).WithName("Healthz").WithSummary("Liveness").AllowAnonymous();
        app.MapCreditGridDocs();
        app.MapCatalog();
        app.MapSubjects();
        app.MapSearch();
        app.MapPublicSubjects().MapPublicLists().MapPublicPublicity();
        app.MapEvents();
        app.MapEventList();
        app.MapRecords();
        app.MapObjections();
        app.MapMerchants();
        app.MapEmergencies();
        app.MapChanges();
        app.MapLicences().MapCommitments().MapChecks();
        app.MapImports();
        app.MapStats();
        app.MapAudit();
        app.MapReports();
        app.MapPublicApplications().MapApplications();
        return app;
    }
}
