using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Intake;

/// <summary>
/// Drains the intake log into the subject grains, oldest first, one call per subject per round. After a crash it
/// starts again from whatever was logged but not handed over; grains are idempotent by eventId.
/// </summary>
public sealed class IntakePump(IIntakeLog log, IntakeSignal signal, IGrainFactory grains, IConfiguration configuration, ILogger<IntakePump> logger) : BackgroundService
{
    /// <summary>Events claimed per round (Intake:BatchSize), while rounds bring about one event per subject.</summary>
    private readonly int _batchSize = configuration.GetValue("Intake:BatchSize", 2000);

    /// <summary>
    /// Up to this many (Intake:MaxBatchSize) while full rounds bring two or more events per subject: a busy subject then
    /// takes more of its events in one call and one write (measured: 1k hot subjects 3.8k → 5.5k events/s), while a
    /// spread backlog keeps the smaller rounds, which were faster for it (docs/benchmarks.md).
    /// </summary>
    private readonly int _maxBatchSize = configuration.GetValue("Intake:MaxBatchSize", 8000);

    /// <summary>
    /// Grain calls in flight per round (Intake:Parallelism): more lets more writes share a group commit, and a larger
    /// commit shares the pages it writes. 512 against 128, 100,000 new subjects, back-to-back pairs on a quiet machine
    /// (docs/benchmarks.md, "the late round"): SQLite applied +9-10 %, WAL bytes per event −22 %; PostgreSQL applied
    /// +18-30 %, database CPU per event −10-33 %. 1,024 was no better on SQLite.
    /// </summary>
    private readonly int _parallelism = configuration.GetValue("Intake:Parallelism", 512);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One process alone: claims in the log were left by its previous run. In a cluster they run out by themselves.
        if ((configuration["Cluster:Mode"] ?? "localhost") == "localhost") await log.ReleaseClaims(stoppingToken);
        var claim = _batchSize;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await log.Pending(claim, stoppingToken);
                var pending = round.Events;
                if (pending.Count == 0)
                {
                    await signal.Wait(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }
                var subjects = await Deliver(round, stoppingToken);
                claim = pending.Count == claim && subjects * 2 <= pending.Count ? Math.Max(_batchSize, Math.Min(_maxBatchSize, claim * 2)) : _batchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Intake pump round failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Hands one round to the grains; returns how many subjects it touched.</summary>
    private async Task<int> Deliver(IntakeClaim round, CancellationToken ct)
    {
        var pending = round.Events;
        using var activity = Core.Grid.GridMetrics.Activities.StartActivity("intake.pump");
        activity?.SetTag("creditgrid.events", pending.Count);
        var outcomes = new List<ApplyOutcome>(pending.Count);
        var bySubject = pending.GroupBy(e => (e.SubjectKind == Core.SubjectKind.Merchant ? Core.SubjectKind.Enterprise : e.SubjectKind, e.SubjectId)).ToList();
        await Parallel.ForEachAsync(bySubject, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = ct }, async (subject, _) =>
        {
            try
            {
                var result = await grains.Records(subject.Key.Item1, subject.Key.SubjectId).Apply([.. subject]);
                lock (outcomes) outcomes.AddRange(result);
            }
            catch (Exception ex)
            {
                // Left as accepted: the next round tries again.
                // Personal identifiers never reach the logs unmasked (http-api Conventions).
                var id = subject.Key.Item1.IsNaturalPerson() ? Core.Identifiers.ResidentId.Mask(subject.Key.SubjectId) : subject.Key.SubjectId;
                logger.LogWarning(ex, "Applying {Count} events ({EventIds}) to {Kind} {Id} failed; they stay accepted and are retried",
                    subject.Count(), string.Join(",", subject.Select(e => e.EventId)), subject.Key.Item1, id);
            }
        });
        await log.Record(round, outcomes, ct); // drops the round's leases once none of its events is left accepted
        // Nothing went through (a failing grain or store): its events are offered again, after a pause or with the next new event.
        if (outcomes.Count == 0) await signal.Wait(TimeSpan.FromSeconds(1), ct);
        return bySubject.Count;
    }
}
