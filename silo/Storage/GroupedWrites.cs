using System.Data.Common;
using System.Globalization;
using Orleans.Storage;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// One write queued for a group commit (<see cref="Database.WriteGrouped(GroupedWrite)"/>). The kinds below are rows, not
/// closures, so PostgreSQL can write a whole group's rows of each table in one statement (<see cref="PostgresGroupCommit"/>,
/// architecture "Speed in the production shape"); <see cref="Run"/> writes the same rows one statement each (SQLite, and
/// every write on its own when a group fails).
/// </summary>
public abstract class GroupedWrite
{
    internal readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by a set-based group when this write alone failed (a stale ETag): the rest of the group commits.</summary>
    internal Exception? Failed { get; set; }

    /// <summary>The write on its own, statement by statement, inside the group's transaction.</summary>
    public abstract Task Run(DbConnection connection, DbTransaction tx);
}

/// <summary>Any other write (clears, rare statements): always run as it is.</summary>
public sealed class ClosureWrite(Func<DbConnection, DbTransaction, Task> work) : GroupedWrite
{
    public override Task Run(DbConnection connection, DbTransaction tx) => work(connection, tx);
}

/// <summary>The key of a grain state row as the stock provider sends it (docs/postgres.md, "Parameters").</summary>
public sealed record StateKey(string ServiceId, string StateName, long N0, long N1, string? Extension)
{
    public (string, object?)[] Parameters() =>
        [("@ServiceId", ServiceId), ("@GrainTypeString", StateName), ("@GrainIdN0", N0), ("@GrainIdN1", N1), ("@GrainIdExtensionString", Extension)];
}

/// <summary>
/// A grain state write guarded by its ETag, with the projection rows it carries (subject_summary, objections,
/// complaints, change_log, public_list, public_penalty): they are written only when the state write succeeds.
/// </summary>
public sealed class StateWrite(string writeSql, StateKey key, int? expected, byte[] payload, Projections.Rows? rows, string grainDescription) : GroupedWrite
{
    public StateKey Key => key;
    public int? Expected => expected;
    public byte[] Payload => payload;
    public Projections.Rows? Rows => rows;

    /// <summary>The new version (the next ETag), once written.</summary>
    public string? NewVersion { get; private set; }

    /// <summary>
    /// The version the write returned (null: no row changed). A version equal to the old ETag is a conflict too
    /// (the stock provider's check). Returns false, and keeps the failure, on a conflict.
    /// </summary>
    public bool Accept(long? version)
    {
        var text = version?.ToString(CultureInfo.InvariantCulture);
        var etag = expected?.ToString(CultureInfo.InvariantCulture);
        if (text is null || text == etag)
        {
            Failed = Conflict();
            return false;
        }
        NewVersion = text;
        Failed = null;
        return true;
    }

    public InconsistentStateException Conflict() =>
        new($"State '{key.StateName}' of {grainDescription} was changed by another activation (ETag {expected?.ToString(CultureInfo.InvariantCulture) ?? "none"} is stale).",
            "unknown", expected?.ToString(CultureInfo.InvariantCulture) ?? "none");

    public override async Task Run(DbConnection connection, DbTransaction tx)
    {
        var parameters = key.Parameters().Append(("@GrainStateVersion", expected)).Append(("@PayloadBinary", payload)).ToArray();
        var command = Database.Reused(connection, tx, writeSql, parameters);
        var result = await command.ExecuteScalarAsync();
        // Throwing rolls the group back; Database then retries each write alone, so only this one fails.
        if (!Accept(result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture))) throw Failed!;
        await Projections.Write(connection, tx, rows, DateTimeOffset.UtcNow);
    }
}

/// <summary>When a grain next needs waking (due_work): a time sets the row, null deletes it.</summary>
public sealed class DueWorkWrite(string grainKind, string grainId, DateTimeOffset? dueAt) : GroupedWrite
{
    public string GrainKind => grainKind;
    public string GrainId => grainId;
    public string? DueAt => dueAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public override async Task Run(DbConnection connection, DbTransaction tx)
    {
        var command = DueAt is { } at
            ? Database.Reused(connection, tx, """
                INSERT INTO due_work (grain_kind, grain_id, due_at) VALUES (@kind, @id, @at)
                ON CONFLICT (grain_kind, grain_id) DO UPDATE SET due_at = excluded.due_at
                """, ("@kind", grainKind), ("@id", grainId), ("@at", at))
            : Database.Reused(connection, tx, "DELETE FROM due_work WHERE grain_kind = @kind AND grain_id = @id", ("@kind", grainKind), ("@id", grainId));
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>record id → subject (record_index); a record already indexed keeps its row.</summary>
public sealed class RecordIndexWrite(CreditGrid.Core.Grid.RecordLocation location) : GroupedWrite
{
    public CreditGrid.Core.Grid.RecordLocation Location => location;

    public override async Task Run(DbConnection connection, DbTransaction tx)
    {
        var command = Database.Reused(connection, tx, """
            INSERT INTO record_index (record_id, subject_kind, subject_id, department, event_id)
            VALUES (@record, @kind, @subject, @dept, @event)
            ON CONFLICT (record_id) DO NOTHING
            """, ("@record", location.RecordId), ("@kind", CreditGrid.Core.SubjectKinds.ToWire(location.Kind)), ("@subject", location.SubjectId),
            ("@dept", location.Department), ("@event", location.EventId));
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>An event marked applied (intake_events); <paramref name="applied"/> runs for each mark that changed a row.</summary>
public sealed class AppliedMarkWrite(string eventId, Func<DateTimeOffset> clock, Action<string, DateTimeOffset> applied) : GroupedWrite
{
    public string EventId => eventId;
    public DateTimeOffset Now() => clock();
    public void Applied(string receivedAt, DateTimeOffset now) => applied(receivedAt, now);

    public override async Task Run(DbConnection connection, DbTransaction tx)
    {
        var now = clock();
        var update = Database.Reused(connection, tx, """
            UPDATE intake_events SET state = 'applied', applied_at = @at WHERE event_id = @id AND state IN ('accepted', 'delivered')
            RETURNING received_at
            """, ("@at", now.ToString("O", CultureInfo.InvariantCulture)), ("@id", eventId));
        if (await update.ExecuteScalarAsync() is string at) applied(at, now);
    }
}
