using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CreditGrid.Core;
using CreditGrid.Core.Applications;
using CreditGrid.Core.Records;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The applications table (migration 013, domain-rules §10). Durable on its own; each change of status is one
/// compare-and-set in one transaction, so two clerks pressing 受理 and 驳回 at once cannot both win.
/// </summary>
public sealed class SqlApplications(Database database) : IApplicationRegistry
{
    private const string Columns = "application_id, type, subject_kind, subject_id, record_id, reason, contact, received_at, status, due_at, history, code_hash";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<bool> Add(CreditApplication a, string codeHash, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            await using var insert = Database.Command(connection, $"""
                INSERT INTO applications ({Columns})
                VALUES (@id, @type, @kind, @subject, @record, @reason, @contact, @received, @status, @due, @history, @hash)
                ON CONFLICT (application_id) DO NOTHING
                """, tx, ("@id", a.ApplicationId), ("@type", a.Type), ("@kind", a.SubjectKind.ToWire()), ("@subject", a.SubjectId),
                ("@record", a.RecordId), ("@reason", a.Reason), ("@contact", a.Contact), ("@received", Instant(a.ReceivedAt)),
                ("@status", a.Status), ("@due", a.DueAt is { } d ? SqlLicences.Day(d) : null), ("@history", History(a.History)), ("@hash", codeHash));
            return await insert.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<(CreditApplication Application, string CodeHash)?> Find(string applicationId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        return await Read(connection, null, applicationId, ct);
    }

    public Task<(bool Moved, CreditApplication Application)?> Move(string applicationId, IReadOnlyCollection<string> from, ApplicationStep step, DateOnly? dueAt, CancellationToken ct = default) =>
        database.Write<(bool, CreditApplication)?>(async (connection, tx) =>
        {
            if (await Read(connection, tx, applicationId, ct) is not { } found) return null;
            var current = found.Application;
            if (!from.Contains(current.Status)) return (false, current);
            var moved = current with { Status = step.Status, DueAt = dueAt ?? current.DueAt, History = [.. current.History, step] };
            await using var update = Database.Command(connection,
                "UPDATE applications SET status = @status, due_at = @due, history = @history WHERE application_id = @id AND status = @old", tx,
                ("@status", moved.Status), ("@due", moved.DueAt is { } d ? SqlLicences.Day(d) : null), ("@history", History(moved.History)),
                ("@id", applicationId), ("@old", current.Status));
            return await update.ExecuteNonQueryAsync(ct) == 1 ? (true, moved) : (false, current);
        }, ct);

    public async Task<PageOf<CreditApplication>> List(string? status, int page, int pageSize, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        var where = status is null ? "" : "WHERE status = @status";
        (string, object?)[] filter = status is null ? [] : [("@status", status)];
        await using var total = Database.Command(connection, $"SELECT COUNT(*) FROM applications {where}", null, filter);
        var count = Convert.ToInt64(await total.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await using var command = Database.Command(connection,
            $"SELECT {Columns} FROM applications {where} ORDER BY received_at, application_id LIMIT @n OFFSET @skip", null,
            [.. filter, ("@n", pageSize), ("@skip", (long)(page - 1) * pageSize)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<CreditApplication>();
        while (await reader.ReadAsync(ct)) items.Add(Map(reader));
        return new PageOf<CreditApplication>(count, items);
    }

    private static async Task<(CreditApplication Application, string CodeHash)?> Read(DbConnection connection, DbTransaction? tx, string id, CancellationToken ct)
    {
        await using var command = Database.Command(connection, $"SELECT {Columns} FROM applications WHERE application_id = @id", tx, ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (Map(reader), reader.GetString(11));
    }

    private static CreditApplication Map(DbDataReader r)
    {
        SubjectKinds.TryParse(r.GetString(2), out var kind);
        return new CreditApplication(r.GetString(0), r.GetString(1), kind, r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            ParseInstant(r.GetString(7)), r.GetString(8), r.IsDBNull(9) ? null : SqlLicences.Parse(r.GetString(9)),
            JsonSerializer.Deserialize<List<ApplicationStep>>(r.GetString(10), Json) ?? []);
    }

    private static string History(IReadOnlyList<ApplicationStep> steps) => JsonSerializer.Serialize(steps, Json);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
