using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using System.Data.Common;

namespace CreditGrid.Silo.Storage;

/// <summary>record id → subject, for the record workflows.</summary>
public sealed class SqlRecordDirectory(Database database) : IRecordIndex
{
    public async Task<RecordLocation?> Find(string recordId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection,
            "SELECT subject_kind, subject_id, department, event_id FROM record_index WHERE record_id = @id", null, ("@id", recordId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        SubjectKinds.TryParse(reader.GetString(0), out var kind);
        return new RecordLocation(recordId, kind, reader.GetString(1), reader.GetString(2), reader.GetString(3));
    }

    /// <summary>Grains index the records they derive (fan-out, repair replacements) before storing them.</summary>
    public Task Add(RecordLocation location, CancellationToken ct = default) => database.WriteGrouped(new RecordIndexWrite(location));
}

/// <summary>
/// The objection projection: rows written by the grain storage with the subject's state (<see cref="Projections"/>);
/// read here for the lists and to find an objection's subject. Nothing else writes it.
/// </summary>
public sealed class SqlObjectionRegistry(Database database) : IObjectionRegistry
{
    private const string Columns = "o.objection_id, o.record_id, o.subject_kind, o.subject_id, o.reason, o.needs_other_units, o.opened_at, o.due_at, o.status, o.upheld, o.note, o.resolved_at, o.indicator";

    public async Task<Objection?> Find(string objectionId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, $"SELECT {Columns} FROM objections o WHERE o.objection_id = @id", null, ("@id", objectionId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    public async Task<IReadOnlyList<ObjectionListing>> List(string? status, DateOnly today, CancellationToken ct = default)
    {
        var where = status switch
        {
            "open" => "WHERE o.status = 'open'",
            "overdue" => "WHERE o.status = 'open' AND o.due_at < @today",
            "closed" => "WHERE o.status = 'closed'",
            _ => "",
        };
        // The subject's name from its summary row (merchants' records live on their enterprise: same code).
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, $"""
            SELECT {Columns}, s.name, s.handle FROM objections o
            LEFT JOIN subject_summary s ON s.kind = o.subject_kind AND s.id = o.subject_id
            {where} ORDER BY o.due_at, o.objection_id
            """, null, ("@today", Day(today)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<ObjectionListing>();
        while (await reader.ReadAsync(ct)) list.Add(new ObjectionListing(Map(reader), reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14)));
        return list;
    }

    private static Objection Map(DbDataReader r)
    {
        SubjectKinds.TryParse(r.GetString(2), out var kind);
        return new Objection(r.GetString(0), r.GetString(1), kind, r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), Database.Long(r, 5) == 1,
            DateOnly.Parse(r.GetString(6), CultureInfo.InvariantCulture), DateOnly.Parse(r.GetString(7), CultureInfo.InvariantCulture), r.GetString(8),
            r.IsDBNull(9) ? null : Database.Long(r, 9) == 1, r.IsDBNull(10) ? null : r.GetString(10),
            r.IsDBNull(11) ? null : DateOnly.Parse(r.GetString(11), CultureInfo.InvariantCulture), r.IsDBNull(12) ? null : r.GetString(12));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class SqlAuditTrail(Database database) : IAuditTrail
{
    public Task Write(AuditEntry e, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            await using var command = Database.Command(connection, """
                INSERT INTO audit_log (at, actor, department, role, action, subject_kind, subject_id, purpose)
                VALUES (@at, @actor, @dept, @role, @action, @kind, @subject, @purpose)
                """, tx, ("@at", e.At.ToString("O", CultureInfo.InvariantCulture)), ("@actor", e.Actor), ("@dept", e.Department), ("@role", e.Role),
                ("@action", e.Action), ("@kind", e.SubjectKind.ToWire()), ("@subject", e.SubjectId), ("@purpose", e.Purpose));
            await command.ExecuteNonQueryAsync(ct);
        }, ct);

    public async Task<IReadOnlyList<AuditEntry>> Recent(int limit, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection,
            "SELECT at, actor, department, role, action, subject_kind, subject_id, purpose FROM audit_log ORDER BY id DESC LIMIT @n", null, ("@n", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<AuditEntry>();
        while (await reader.ReadAsync(ct))
        {
            SubjectKinds.TryParse(reader.GetString(5), out var kind);
            list.Add(new AuditEntry(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), kind, reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return list;
    }
}

/// <summary>When each subject grain next needs waking; read by the scheduler, written by the grains.</summary>
public sealed class SqlDueWork(Database database) : IDueWork
{
    public Task Set(string grainKind, string grainId, DateTimeOffset? dueAt, CancellationToken ct = default) =>
        database.WriteGrouped(new DueWorkWrite(grainKind, grainId, dueAt));

    public async Task<IReadOnlyList<(string Kind, string Id)>> Due(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection,
            "SELECT grain_kind, grain_id FROM due_work WHERE due_at <= @now ORDER BY due_at LIMIT @max", null,
            ("@now", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("@max", max));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }
}

public sealed class SqlLegalRepresentatives(Database database) : ILegalRepresentatives
{
    public Task Replace(string enterpriseId, IReadOnlyCollection<string> personIds, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            await using (var delete = Database.Command(connection, "DELETE FROM legal_representatives WHERE enterprise_id = @e", tx, ("@e", enterpriseId)))
                await delete.ExecuteNonQueryAsync(ct);
            foreach (var person in personIds.Distinct())
            {
                await using var insert = Database.Command(connection,
                    "INSERT INTO legal_representatives (enterprise_id, person_id) VALUES (@e, @p)", tx, ("@e", enterpriseId), ("@p", person));
                await insert.ExecuteNonQueryAsync(ct);
            }
        }, ct);

    public async Task<IReadOnlyList<string>> EnterprisesOf(string personId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection,
            "SELECT enterprise_id FROM legal_representatives WHERE person_id = @p ORDER BY enterprise_id", null, ("@p", personId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<string>();
        while (await reader.ReadAsync(ct)) list.Add(reader.GetString(0));
        return list;
    }
}
