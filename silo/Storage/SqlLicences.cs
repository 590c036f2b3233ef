using System.Data.Common;
using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Records;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The licences table (migration 009). A new licence and its 双公示 count (department_timeliness, L483: the same counter
/// as penalty events) are written in one transaction, so the on-time rate never counts a licence that was not stored.
/// </summary>
public sealed class SqlLicences(Database database) : ILicenceRegistry
{
    private const string Columns = "licence_id, subject_kind, subject_id, name, number, content, decided_at, valid_from, valid_to, department, reported_at, late";

    public Task<(RecordWrite Outcome, Licence Stored)> Add(Licence l, string bodyHash, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            if (await Read(connection, tx, l.LicenceId, ct) is { } existing)
                return (existing.Hash == bodyHash ? RecordWrite.Same : RecordWrite.Conflict, existing.Licence);
            await using var insert = Database.Command(connection, $"""
                INSERT INTO licences ({Columns}, body_hash)
                VALUES (@id, @kind, @subject, @name, @number, @content, @decided, @from, @to, @dept, @reported, @late, @hash)
                ON CONFLICT (licence_id) DO NOTHING
                """, tx, ("@id", l.LicenceId), ("@kind", l.SubjectKind.ToWire()), ("@subject", l.SubjectId), ("@name", l.Name),
                ("@number", l.Number), ("@content", l.Content), ("@decided", Day(l.DecidedAt)), ("@from", Day(l.ValidFrom)),
                ("@to", l.ValidTo is { } to ? Day(to) : null), ("@dept", l.Department), ("@reported", Day(l.ReportedAt)),
                ("@late", l.Late ? 1 : 0), ("@hash", bodyHash));
            if (await insert.ExecuteNonQueryAsync(ct) == 0)
            {
                // Another request stored the same id a moment ago (PostgreSQL waits for it on the conflict): answer from it.
                var raced = (await Read(connection, tx, l.LicenceId, ct))!.Value;
                return (raced.Hash == bodyHash ? RecordWrite.Same : RecordWrite.Conflict, raced.Licence);
            }
            await using var count = Database.Command(connection, """
                INSERT INTO department_timeliness (department, total, late) VALUES (@dept, 1, @late)
                ON CONFLICT (department) DO UPDATE SET total = department_timeliness.total + 1, late = department_timeliness.late + excluded.late
                """, tx, ("@dept", l.Department), ("@late", l.Late ? 1 : 0));
            await count.ExecuteNonQueryAsync(ct);
            return (RecordWrite.Created, l);
        }, ct);

    public async Task<PageOf<Licence>> List(string? subjectId, int page, int pageSize, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        var where = subjectId is null ? "" : "WHERE subject_id = @subject";
        (string, object?)[] filter = subjectId is null ? [] : [("@subject", subjectId)];
        await using var total = Database.Command(connection, $"SELECT COUNT(*) FROM licences {where}", null, filter);
        var count = Convert.ToInt64(await total.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await using var command = Database.Command(connection,
            $"SELECT {Columns} FROM licences {where} ORDER BY decided_at DESC, licence_id LIMIT @n OFFSET @skip", null,
            [.. filter, ("@n", pageSize), ("@skip", (long)(page - 1) * pageSize)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<Licence>();
        while (await reader.ReadAsync(ct)) items.Add(Map(reader));
        return new PageOf<Licence>(count, items);
    }

    private static async Task<(string Hash, Licence Licence)?> Read(DbConnection connection, DbTransaction tx, string id, CancellationToken ct)
    {
        await using var command = Database.Command(connection, $"SELECT {Columns}, body_hash FROM licences WHERE licence_id = @id", tx, ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetString(12), Map(reader));
    }

    private static Licence Map(DbDataReader r)
    {
        SubjectKinds.TryParse(r.GetString(1), out var kind);
        return new Licence(r.GetString(0), kind, r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
            Parse(r.GetString(6)), Parse(r.GetString(7)), r.IsDBNull(8) ? null : Parse(r.GetString(8)), r.GetString(9), Parse(r.GetString(10)),
            Database.Long(r, 11) != 0);
    }

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly Parse(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
