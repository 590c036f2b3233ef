using System.Data.Common;
using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Reports;

namespace CreditGrid.Silo.Storage;

/// <summary>The report_issues table (migration 012): the issue record of every credit report served.</summary>
public sealed class SqlReportIssues(Database database) : IReportIssues
{
    private const string Columns = "report_no, subject_kind, subject_id, subject_name, as_of, issued_at, audience, sha256, size_bytes, issued_by";

    public Task Add(ReportIssue i, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            await using var insert = Database.Command(connection, $"""
                INSERT INTO report_issues ({Columns}) VALUES (@no, @kind, @id, @name, @asOf, @at, @audience, @sha, @size, @by)
                """, tx, ("@no", i.ReportNo), ("@kind", i.Kind.ToWire()), ("@id", i.SubjectId), ("@name", i.SubjectName),
                ("@asOf", i.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("@at", i.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                ("@audience", i.Audience == ReportAudience.Full ? "full" : "public"), ("@sha", i.Sha256), ("@size", i.Size), ("@by", i.IssuedBy));
            await insert.ExecuteNonQueryAsync(ct);
        }, ct);

    public async Task<ReportIssue?> Find(string reportNo, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, $"SELECT {Columns} FROM report_issues WHERE report_no = @no", null, ("@no", reportNo));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Map(reader) : null;
    }

    private static ReportIssue Map(DbDataReader r)
    {
        SubjectKinds.TryParse(r.GetString(1), out var kind);
        return new ReportIssue(r.GetString(0), kind, r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            DateOnly.ParseExact(r.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset.ParseExact(r.GetString(5), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            r.GetString(6) == "full" ? ReportAudience.Full : ReportAudience.Public, r.GetString(7), Database.Long(r, 8),
            r.IsDBNull(9) ? null : r.GetString(9));
    }
}
