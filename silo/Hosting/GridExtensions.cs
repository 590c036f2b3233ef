using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using CreditGrid.Silo.Grains;
using CreditGrid.Silo.Intake;
using CreditGrid.Silo.Scheduling;

namespace CreditGrid.Silo.Hosting;

/// <summary>The Orleans grid: clustering, storage, streams, the intake pump and the scheduler.</summary>
public static class GridExtensions
{
    public static WebApplicationBuilder AddCreditGridGrid(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddCreditGridSilo(builder.Configuration).UseCreditGridClustering(builder.Configuration)
            .AddCreditGridOrleansDashboard(builder.Configuration)); // operators' Orleans Dashboard at /orleans/
        return builder;
    }

    /// <summary>Everything a silo of the grid needs, whatever hosts it (the web host, or a test cluster).</summary>
    public static ISiloBuilder AddCreditGridSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddCreditGridStores(configuration);
        // The grid's own clock; Orleans keeps the system TimeProvider for its timers.
        services.AddSingleton(new GridClock(GridTime.From(configuration)));
        services.AddSingleton(RulesEngine.Default);
        services.AddSingleton<GridServices>();
        services.AddSingleton<ChangeAnnouncer>(); // change announcements leave the silo in batches
        services.AddHostedService<IntakePump>();
        services.AddHostedService<CreditGrid.Silo.Storage.ChangeLogPruner>();
        services.AddSingleton<DueWorkSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DueWorkSweeper>());

        silo.AddCreditGridGrainStorage(configuration);
        silo.AddCreditGridCalendar(configuration);
        // States written before the projections existed get them once, before the silo serves (architecture: rebuildable).
        silo.AddStartupTask((sp, ct) => CreditGrid.Silo.Storage.ProjectionRebuild.IfEmpty(sp, ct));
        // Stream subscriptions: in a cluster they must outlive any one silo (a silo's death would otherwise take the
        // dashboard bridges' subscriptions with it); one process alone keeps them in memory.
        var storage = StorageExtensions.StorageOf(configuration);
        if (storage.IsPostgres)
            silo.AddAdoNetGrainStorage("PubSubStore", o =>
            {
                o.Invariant = StorageExtensions.Invariant(storage);
                o.ConnectionString = storage.EffectiveConnectionString;
            });
        else
            silo.AddMemoryGrainStorage("PubSubStore");
        // Pulling agents look for new stream messages every 10 ms instead of Orleans' default 100 ms: a change reaches
        // the dashboard bridge sooner (docs/benchmarks.md, latency), for a timer tick per queue that finds nothing.
        silo.AddMemoryStreams(GridStreams.Provider, streams =>
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(10))));
        silo.AddActivityPropagation(); // traces follow calls into grains
        return silo;
    }
}
