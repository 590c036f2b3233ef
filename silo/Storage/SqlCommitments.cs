using System.Data.Common;
using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Records;

namespace CreditGrid.Silo.Storage;

/// <summary>The commitments table (migration 009): the commitments themselves; their breach is read from the dossier.</summary>
public sealed class SqlCommitments(Database database) : ICommitmentRegistry
{
    private const string Columns = "commitment_id, subject_kind, subject_id, kind, text, signed_at, department, registered_at";

    public Task<(RecordWrite Outcome, Commitment Stored)> Add(Commitment c, string bodyHash, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            if (await Read(connection, tx, c.CommitmentId, ct) is { } existing)
                return (existing.Hash == bodyHash ? RecordWrite.Same : RecordWrite.Conflict, existing.Commitment);
            await using var insert = Database.Command(connection, $"""
                INSERT INTO commitments ({Columns}, body_hash)
                VALUES (@id, @kind, @subject, @type, @text, @signed, @dept, @registered, @hash)
                ON CONFLICT (commitment_id) DO NOTHING
                """, tx, ("@id", c.CommitmentId), ("@kind", c.SubjectKind.ToWire()), ("@subject", c.SubjectId), ("@type", c.Kind),
                ("@text", c.Text), ("@signed", SqlLicences.Day(c.SignedAt)), ("@dept", c.Department), ("@registered", SqlLicences.Day(c.RegisteredAt)),
                ("@hash", bodyHash));
            if (await insert.ExecuteNonQueryAsync(ct) == 0)
            {
                var raced = (await Read(connection, tx, c.CommitmentId, ct))!.Value;
                return (raced.Hash == bodyHash ? RecordWrite.Same : RecordWrite.Conflict, raced.Commitment);
            }
            return (RecordWrite.Created, c);
        }, ct);

    public async Task<Commitment?> Find(string commitmentId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, $"SELECT {Columns} FROM commitments WHERE commitment_id = @id", null, ("@id", commitmentId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    public async Task<PageOf<Commitment>> List(string? subjectId, int page, int pageSize, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        var where = subjectId is null ? "" : "WHERE subject_id = @subject";
        (string, object?)[] filter = subjectId is null ? [] : [("@subject", subjectId)];
        await using var total = Database.Command(connection, $"SELECT COUNT(*) FROM commitments {where}", null, filter);
        var count = Convert.ToInt64(await total.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await using var command = Database.Command(connection,
            $"SELECT {Columns} FROM commitments {where} ORDER BY signed_at DESC, commitment_id LIMIT @n OFFSET @skip", null,
            [.. filter, ("@n", pageSize), ("@skip", (long)(page - 1) * pageSize)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<Commitment>();
        while (await reader.ReadAsync(ct)) items.Add(Map(reader));
        return new PageOf<Commitment>(count, items);
    }

    private static async Task<(string Hash, Commitment Commitment)?> Read(DbConnection connection, DbTransaction tx, string id, CancellationToken ct)
    {
        await using var command = Database.Command(connection, $"SELECT {Columns}, body_hash FROM commitments WHERE commitment_id = @id", tx, ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetString(8), Map(reader));
    }

    private static Commitment Map(DbDataReader r)
    {
        SubjectKinds.TryParse(r.GetString(1), out var kind);
        return new Commitment(r.GetString(0), kind, r.GetString(2), r.GetString(3), r.GetString(4), SqlLicences.Parse(r.GetString(5)),
            r.GetString(6), SqlLicences.Parse(r.GetString(7)));
    }
}
