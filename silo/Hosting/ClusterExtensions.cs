using System.Net;
using CreditGrid.Silo.Storage;
using Orleans.Configuration;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// How silos find each other (Cluster:Mode): `localhost` (default, one process), `adonet` (several silo processes on
/// one or more machines, membership in PostgreSQL; each with Cluster:SiloPort, Cluster:GatewayPort and
/// Cluster:AdvertisedIP), `kubernetes` (membership in PostgreSQL, names, addresses and ids from the pod — switched on only there).
/// </summary>
public static class ClusterExtensions
{
    public static ISiloBuilder UseCreditGridClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var mode = configuration["Cluster:Mode"] ?? "localhost";
        var siloPort = configuration.GetValue("Cluster:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Cluster:GatewayPort", 30000);
        var storage = StorageExtensions.StorageOf(configuration);
        // Failure detection (probe timeouts, missed probes, votes) can be tuned under Cluster:Membership.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Cluster:Membership"));
        switch (mode)
        {
            case "localhost":
                silo.UseLocalhostClustering(siloPort, gatewayPort);
                break;
            case "adonet" or "kubernetes":
                if (!storage.IsPostgres) throw new InvalidOperationException($"Cluster:Mode '{mode}' keeps membership in PostgreSQL: set Storage:Provider=postgres.");
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = StorageExtensions.Invariant(storage);
                    o.ConnectionString = storage.EffectiveConnectionString;
                });
                if (mode == "kubernetes")
                {
                    silo.UseKubernetesHosting();
                }
                else
                {
                    silo.Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = configuration["Cluster:ClusterId"] ?? "creditgrid";
                        o.ServiceId = configuration["Cluster:ServiceId"] ?? "creditgrid";
                    });
                    var advertised = IPAddress.Parse(configuration["Cluster:AdvertisedIP"] ?? "127.0.0.1");
                    silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: configuration.GetValue("Cluster:ListenOnAny", false));
                }
                break;
            default:
                throw new InvalidOperationException($"Cluster:Mode '{mode}' is not known; use localhost, adonet or kubernetes.");
        }
        if (storage.IsPostgres)
        {
            // Reminders on PostgreSQL are available to grains; the grid's own due dates use the due_work table in every mode.
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = StorageExtensions.Invariant(storage);
                o.ConnectionString = storage.EffectiveConnectionString;
            });
        }
        return silo;
    }
}
