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
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GridClock>();
        builder.Services.AddSingleton(RulesEngine.Default);
        builder.Services.AddSingleton<GridServices>();
        builder.Services.AddHostedService<IntakePump>();
        builder.Services.AddSingleton<DueWorkSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DueWorkSweeper>());

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddCreditGridGrainStorage(builder.Configuration);
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryStreams(GridStreams.Provider);
        });
        return builder;
    }
}
