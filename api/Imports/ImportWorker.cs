using System.Text.Json;
using System.Threading.Channels;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Imports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreditGrid.Api.Imports;

/// <summary>Wakes the import worker when an import is created or a held row decided.</summary>
public sealed class ImportSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task Wait(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try { await _channel.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}

/// <summary>
/// Runs imports by themselves (http-api "Department desk"): validating (rows mapped and checked, written in chunks) →
/// ready for a dry run, or importing (valid rows through the durable intake in chunks, as events:batch does, then
/// followed until their events are applied) → done. Whatever a stop interrupted is picked up at the next start: a
/// validation starts again from the stored file, an import accepts the rest (the intake answers repeats as duplicates).
/// </summary>
public sealed class ImportWorker(IImportStore store, IEventIntake intake, IGrainFactory grains, CreditGrid.Core.Records.ICommitmentRegistry commitments, GridClock clock, ImportSignal signal, ILogger<ImportWorker> logger)
    : BackgroundService
{
    /// <summary>Rows per intake transaction: the events:batch limit.</summary>
    public const int Chunk = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var progressed = false;
                foreach (var job in await store.Unfinished(stoppingToken))
                    progressed |= job.Status == ImportStatus.Validating ? await Validate(job, stoppingToken) : await Import(job, stoppingToken);
                if (!progressed) await signal.Wait(TimeSpan.FromMilliseconds(200), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Import round failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task<bool> Validate(ImportJob job, CancellationToken ct)
    {
        await store.ClearRows(job.ImportId, ct);
        var file = await store.File(job.ImportId, ct);
        if (file is null)
        {
            await store.SetStatus(job.ImportId, job.DryRun ? ImportStatus.Ready : ImportStatus.Done, ct);
            return true;
        }
        var (header, rows) = FileTable.Open(FileTable.KindOf(job.FileName), file);
        Func<FileRow, RowDraft> map;
        if (job.Format == ImportFormats.Events) map = new EventColumns(header).Map;
        else
        {
            var columns = new PunishmentColumns(header);
            map = row => PunishmentMapper.Map(row, columns, job.Department);
        }
        var checker = new RowChecker(RowChecker.CallerOf(job), clock.Today, new SubjectChecks(grains, intake, commitments));
        var batch = new List<ImportRow>(Chunk);
        foreach (var row in rows)
        {
            batch.Add(await checker.Check(map(row), ct));
            if (batch.Count < Chunk) continue;
            await store.AddRows(job.ImportId, batch, ct);
            batch.Clear();
        }
        if (batch.Count > 0) await store.AddRows(job.ImportId, batch, ct);
        await store.SetStatus(job.ImportId, job.DryRun ? ImportStatus.Ready : ImportStatus.Importing, ct);
        return true;
    }

    /// <summary>Accepts every valid row, then one look at how far the grid has applied them; done when none is left waiting.</summary>
    private async Task<bool> Import(ImportJob job, CancellationToken ct)
    {
        var caller = RowChecker.CallerOf(job);
        var progressed = false;
        for (var after = 0; ;)
        {
            var rows = await store.Next(job.ImportId, RowStatus.Valid, after, Chunk, ct);
            if (rows.Count == 0) break;
            after = rows[^1].Row;
            var outcomes = new List<RowOutcome>(rows.Count);
            var items = new List<IntakeItem>();
            var owners = new List<int>();
            foreach (var row in rows)
            {
                var draft = new RowDraft(row.Row);
                var events = new List<CreditEvent>();
                foreach (var d in JsonSerializer.Deserialize<List<DraftEvent>>(row.EventsJson ?? "[]", RowChecker.Json) ?? [])
                {
                    try { events.Add(EventValidator.Validate(d.Request, caller, clock.Today, IndicatorCatalog.Default)); }
                    catch (Invalid invalid) { RowChecker.Add(draft, invalid); }
                }
                if (draft.HasErrors) { outcomes.Add(new RowOutcome(row.Row, RowStatus.Rejected, draft.Errors(), false)); continue; }
                foreach (var e in events) { items.Add(new IntakeItem(e, EventHash.Of(e))); owners.Add(row.Row); }
            }
            var results = await intake.Accept(items, ct);
            foreach (var group in results.Select((r, i) => (Result: r, Row: owners[i])).GroupBy(x => x.Row))
            {
                var conflict = group.FirstOrDefault(x => x.Result.Disposition == IntakeDisposition.Conflict).Result;
                outcomes.Add(conflict is not null
                    ? new RowOutcome(group.Key, RowStatus.Rejected, Conflict(job, conflict.EventId), false)
                    : new RowOutcome(group.Key, RowStatus.Accepted, null, group.All(x => x.Result.Disposition == IntakeDisposition.Duplicate)));
            }
            await store.Update(job.ImportId, outcomes, ct);
            progressed = true;
        }
        var progress = await store.Progress(job.ImportId, 2 * Chunk, ct);
        if (progress.Count == 0)
        {
            await store.SetStatus(job.ImportId, ImportStatus.Done, ct);
            return true;
        }
        var moved = progress
            .Where(p => p.AllApplied || p.RejectedReason is not null)
            .Select(p => p.RejectedReason is { } reason
                ? new RowOutcome(p.Row, RowStatus.Rejected, new RowErrors(new() { ["event"] = [reason] }, new() { ["event"] = [reason] }), false)
                : new RowOutcome(p.Row, RowStatus.Applied, null, false))
            .ToList();
        // An applied row keeps its duplicate mark (the store writes the mark only with the status 'accepted').
        if (moved.Count > 0) await store.Update(job.ImportId, moved, ct);
        return progressed || moved.Count > 0;
    }

    private static RowErrors Conflict(ImportJob job, string eventId)
    {
        var column = job.Format == ImportFormats.Events ? "eventId" : PunishmentColumns.Decision;
        return new RowErrors(
            new() { [column] = [$"事件编号 '{eventId}' 已用于另一个不同的事件：同一决定书文号与处罚类别已以不同内容报送。"] },
            new() { [column] = [$"eventId '{eventId}' was already used for a different event: the same decision and penalty kind were reported with other content."] });
    }
}

/// <summary>The `format` of an import.</summary>
public static class ImportFormats
{
    public const string Punishment = "punishment";
    public const string Events = "events";
}
