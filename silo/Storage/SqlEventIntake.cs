using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using CreditGrid.Silo.Intake;

namespace CreditGrid.Silo.Storage;

/// <summary>The intake log on SQLite: one transaction per request (batch), then 202.</summary>
public sealed class SqlEventIntake(Database database, IntakeSignal signal, GridClock clock) : IIntakeLog, IDepartmentTimeliness
{
    public async Task<IReadOnlyList<IntakeResult>> Accept(IReadOnlyList<IntakeItem> items, CancellationToken ct = default)
    {
        var results = await database.Write(async (connection, tx) =>
        {
            var now = clock.Now.ToString("O", CultureInfo.InvariantCulture);
            var list = database.IsPostgres
                ? await PostgresIntake.Insert(connection, tx, items, now, ct) // one statement per table (issue 16)
                : await InsertEach(connection, tx, items, now, ct);
            await CountTimeliness(connection, tx, items, list, ct);
            return list;
        }, ct);
        var accepted = results.Count(r => r.Disposition == IntakeDisposition.Accepted);
        if (accepted > 0)
        {
            GridMetrics.EventsAccepted.Add(accepted);
            signal.Notify();
        }
        return results;
    }

    /// <summary>SQLite (in-process, so per-row prepared statements are cheap): each event looked up, then inserted with its index row.</summary>
    private static async Task<List<IntakeResult>> InsertEach(DbConnection connection, DbTransaction tx, IReadOnlyList<IntakeItem> items, string now, CancellationToken ct)
    {
        var list = new List<IntakeResult>(items.Count);
        foreach (var item in items)
        {
            var existing = await Read(connection, tx, item.Event.EventId, ct);
            if (existing is not null)
            {
                list.Add(IntakeRow.Existing(item, existing.Value.Hash, existing.Value.Status));
                continue;
            }
            var r = IntakeRow.Of(item);
            var insert = Database.Reused(connection, tx, """
                INSERT INTO intake_events (event_id, body_hash, department, subject_kind, subject_id, payload, state, record_ids, received_at)
                VALUES (@id, @hash, @dept, @kind, @subject, @payload, 'accepted', @records, @at)
                """,
                ("@id", r.EventId), ("@hash", r.BodyHash), ("@dept", r.Department), ("@kind", r.Kind),
                ("@subject", r.SubjectId), ("@payload", r.Payload), ("@records", r.RecordIdsJson), ("@at", now));
            await insert.ExecuteNonQueryAsync(ct);
            var index = Database.Reused(connection, tx, """
                INSERT INTO record_index (record_id, subject_kind, subject_id, department, event_id)
                VALUES (@record, @kind, @subject, @dept, @id)
                ON CONFLICT (record_id) DO NOTHING
                """,
                ("@record", r.RecordId), ("@kind", r.IndexKind), ("@subject", r.SubjectId), ("@dept", r.Department), ("@id", r.EventId));
            await index.ExecuteNonQueryAsync(ct);
            list.Add(IntakeRow.Accepted(item.Event));
        }
        return list;
    }

    /// <summary>双公示 timeliness of the penalty events this request accepted (domain-rules §10 on-time rate).</summary>
    private static async Task CountTimeliness(DbConnection connection, DbTransaction tx, IReadOnlyList<IntakeItem> items, List<IntakeResult> results, CancellationToken ct)
    {
        var timeliness = new Dictionary<string, (int Total, int Late)>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i].Disposition != IntakeDisposition.Accepted) continue;
            var e = items[i].Event;
            if (IndicatorCatalog.Default.TryGet(e.Indicator, out var entry) && DoublePublicity.Applies(entry))
            {
                var (total, late) = timeliness.GetValueOrDefault(e.Department);
                timeliness[e.Department] = (total + 1, late + (DoublePublicity.IsLate(entry, e.OccurredAt, e.ReportedAt, RulesOptions.Default) ? 1 : 0));
            }
        }
        // One counter row per department and request, written last: on PostgreSQL the row lock then serialises
        // concurrent requests of one department only for the end of their transactions.
        foreach (var (department, (total, late)) in timeliness.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            await using var count = Database.Command(connection, """
                INSERT INTO department_timeliness (department, total, late) VALUES (@dept, @total, @late)
                ON CONFLICT (department) DO UPDATE SET total = department_timeliness.total + excluded.total, late = department_timeliness.late + excluded.late
                """, tx, ("@dept", department), ("@total", total), ("@late", late));
            await count.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<EventStatus?> Status(string eventId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        return (await Read(connection, null, eventId, ct))?.Status;
    }

    /// <summary>双公示 timeliness per department, counted as penalty events are accepted (an incremental projection).</summary>
    public async Task<IReadOnlyList<DepartmentTimeliness>> All(CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, "SELECT department, total, late FROM department_timeliness ORDER BY department");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<DepartmentTimeliness>();
        while (await reader.ReadAsync(ct)) list.Add(new DepartmentTimeliness(reader.GetString(0), (int)Database.Long(reader, 1), (int)Database.Long(reader, 2)));
        return list;
    }

    /// <summary>
    /// Claims the oldest events not yet handed to their grains, for this silo, for <see cref="ClaimLease"/>: lease rows
    /// per range of seq, the intake rows only read (issue 16, <see cref="IntakeLeases"/>). Another silo takes over a lease
    /// that ran out (its silo died); grains are idempotent, so a double hand-over is harmless.
    /// </summary>
    public Task<IntakeClaim> Pending(int max, CancellationToken ct) =>
        database.Write(async (connection, tx) =>
        {
            var now = clock.Now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            var until = clock.Now.Add(ClaimLease).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            return await IntakeLeases.Claim(connection, tx, database.IsPostgres, Claimant, now, until, max, ct);
        }, synced: false, ct); // a lost lease leaves its rows free, and they are claimed again

    /// <summary>How long a silo holds a lease of intake rows before another silo may take it over.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(15);

    /// <summary>The only silo (embedded mode) drops the leases left by its previous run, which died with them.</summary>
    public Task ReleaseClaims(CancellationToken ct) =>
        database.Write((connection, tx) => IntakeLeases.Release(connection, tx, ct), ct);

    /// <summary>This process, as a claimant of intake rows.</summary>
    private static readonly string Claimant = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Records what the grains did; an event already applied is never moved back. When every event of the claim left
    /// 'accepted', its leases go in the same transaction; otherwise they stay and the next claim offers the rest again.
    /// </summary>
    public Task Record(IntakeClaim claim, IReadOnlyList<ApplyOutcome> outcomes, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            var now = clock.Now;
            var at = now.ToString("O", CultureInfo.InvariantCulture);
            await RecordOutcomes(connection, tx, outcomes, now, at, ct);
            var left = outcomes.Where(o => o.State != EventState.Accepted).Select(o => o.EventId).ToHashSet(StringComparer.Ordinal);
            if (claim.Events.All(e => left.Contains(e.EventId))) await IntakeLeases.Done(connection, tx, Claimant, claim.Leases, ct);
        }, synced: false, ct); // a lost mark re-delivers the event, which the grain answers as applied

    private async Task RecordOutcomes(DbConnection connection, DbTransaction tx, IReadOnlyList<ApplyOutcome> outcomes, DateTimeOffset now, string at, CancellationToken ct)
    {
        if (database.IsPostgres)
        {
            // One UPDATE … FROM unnest for the round (issue 16).
            foreach (var received in await PostgresIntake.Record(connection, tx, outcomes, at, ct)) Applied(received, now);
            return;
        }
        foreach (var o in outcomes)
        {
            var update = Database.Reused(connection, tx, """
                UPDATE intake_events
                SET state = @state, record_ids = @records, reason = @reason,
                    applied_at = CASE WHEN @state = 'applied' THEN @at ELSE applied_at END
                WHERE event_id = @id AND state NOT IN ('applied', 'rejected')
                RETURNING received_at
                """,
                ("@state", IntakeRow.Wire(o.State)), ("@records", JsonSerializer.Serialize(o.RecordIds)), ("@reason", o.Reason),
                ("@at", at), ("@id", o.EventId));
            var received = await update.ExecuteScalarAsync(ct);
            if (o.State == EventState.Applied && received is string receivedAt) Applied(receivedAt, now);
        }
    }

    /// <summary>A source grain's fan-out for this event is acknowledged everywhere: the event is applied.</summary>
    public Task MarkApplied(string eventId, CancellationToken ct = default) =>
        database.WriteGrouped(new AppliedMarkWrite(eventId, () => clock.Now, Applied)); // one UPDATE per group on PostgreSQL

    private static void Applied(string receivedAt, DateTimeOffset now)
    {
        GridMetrics.EventsApplied.Add(1);
        GridMetrics.ApplyLatency.Record((now - DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture)).TotalMilliseconds);
    }

    private static async Task<(string Hash, EventStatus Status)?> Read(DbConnection connection, DbTransaction? tx, string eventId, CancellationToken ct)
    {
        const string sql = $"SELECT {IntakeRow.StatusColumns} FROM intake_events WHERE event_id = @id";
        // Inside a transaction the same lookup runs once per event of the batch: compile it once.
        await using var owned = tx is null ? Database.Command(connection, sql, null, ("@id", eventId)) : null;
        var command = owned ?? Database.Reused(connection, tx!, sql, ("@id", eventId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return IntakeRow.StatusOf(reader, eventId);
    }
}
