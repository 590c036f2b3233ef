using CreditGrid.Api.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Extensions;

/// <summary>The api module: services and endpoints the silo host composes.</summary>
public static class CreditGridApi
{
    public static IServiceCollection AddCreditGridApi(this IServiceCollection services)
    {
        services.AddCreditGridJson();
        services.AddProblemDetails();
        return services;
    }

    public static IEndpointRouteBuilder MapCreditGridApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).WithName("Healthz").WithSummary("Liveness");
        app.MapCatalog();
        return app;
    }
}
