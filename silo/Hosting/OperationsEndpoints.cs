using Orleans.Runtime;

namespace CreditGrid.Silo.Hosting;

/// <summary>GET /readyz: the silo has joined its cluster and the store takes writes (http-api Operations, issue 11 item 5).</summary>
public static class OperationsEndpoints
{
    /// <summary>Readiness and the answers to failures that are not the program's: store outages, slow or broken bodies.</summary>
    public static WebApplicationBuilder AddCreditGridOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StoreHealth>();
        builder.Services.AddExceptionHandler<StoreFailureHandler>();
        builder.Services.AddExceptionHandler<RequestBodyFailureHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCreditGridOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/readyz", async (IClusterMembershipService membership, ILocalSiloDetails silo, StoreHealth store, CancellationToken ct) =>
            {
                var joined = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;
                var (storage, reason) = await store.Check(ct);
                var ready = joined && storage;
                var body = new { status = ready ? "ready" : "not-ready", siloJoined = joined, storage, storageProblem = reason };
                if (ready) return Results.Ok(body);
                return Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .WithSummary("Readiness: silo joined and a write to the store commits");
        return app;
    }
}
