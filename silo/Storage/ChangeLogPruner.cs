using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The change log is kept at least 30 days (http-api "Work queues and the change log"): once at start and then every
/// hour, lines older than 30 days of grid time are deleted. Every silo may run it; the delete is idempotent.
/// </summary>
public sealed class ChangeLogPruner(IChangeLog log, GridClock clock, ILogger<ChangeLogPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var pruned = await log.Prune(clock.Now - Kept, stoppingToken);
                if (pruned > 0) logger.LogInformation("Change log: {Count} lines older than 30 days removed", pruned);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Change log pruning failed, next try in an hour: {Error}", ex.Message);
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
