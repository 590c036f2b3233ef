using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;


namespace CreditGrid.Silo.Scheduling;

/// <summary>
/// Wakes subjects whose due time passed: record expiries, new-year bonuses, redeliveries (issue: time changes the
/// live evaluation even when nobody asks). Runs at start-up first, so work that fell due while the process was down
/// is done at once.
/// </summary>
public sealed class DueWorkSweeper(IDueWork due, GridClock clock, IGrainFactory grains, IConfiguration configuration, ILogger<DueWorkSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Scheduling:SweepSeconds", 2.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Sweep(stoppingToken);
                await Task.Delay(interval, clock.Time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Due-work sweep failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Wakes every subject due now; returns how many were woken.</summary>
    public async Task<int> Sweep(CancellationToken ct)
    {
        var woken = 0;
        while (true)
        {
            var batch = await due.Due(clock.Now, 500, ct);
            if (batch.Count == 0) return woken;
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (item, _) =>
            {
                if (item.Kind == "incident")
                {
                    await CreditGrid.Core.Emergency.IncidentGrains.Incident(grains, item.Id).Wake();
                    return;
                }
                if (!SubjectKinds.TryParse(item.Kind, out var kind)) return;
                if (kind == SubjectKind.Merchant) await grains.Merchant(item.Id).Wake();
                else await grains.Records(kind, item.Id).Wake();
            });
            woken += batch.Count;
            if (batch.Count < 500) return woken;
        }
    }
}
