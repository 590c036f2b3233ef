using CreditGrid.Silo.Storage;
using Orleans.Runtime;

namespace CreditGrid.Silo.Hosting;

/// <summary>GET /readyz: the silo has joined its cluster and the storage answers (http-api Operations).</summary>
public static class OperationsEndpoints
{
    public static IEndpointRouteBuilder MapCreditGridOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/readyz", async (IClusterMembershipService membership, ILocalSiloDetails silo, Database database, CancellationToken ct) =>
            {
                var joined = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;
                bool storage;
                try
                {
                    await using var connection = await database.Open(ct);
                    await using var ping = Database.Command(connection, "SELECT 1");
                    storage = Convert.ToInt64(await ping.ExecuteScalarAsync(ct)) == 1;
                }
                catch (Exception)
                {
                    storage = false;
                }
                var body = new { status = joined && storage ? "ready" : "not-ready", siloJoined = joined, storage };
                return joined && storage ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous()
            .WithSummary("Readiness: silo joined and storage reachable");
        return app;
    }
}
