using System.Globalization;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Storage;

/// <summary>Where a merchant's old complaints and reviews go (issue 11 item 13); written before the grain drops them.</summary>
public interface IMerchantArchive
{
    /// <summary>Idempotent: an entry already archived (a retry after a crash) is left as it is.</summary>
    Task Add(string merchantId, IReadOnlyList<Complaint> complaints, IReadOnlyList<Review> reviews, CancellationToken ct = default);

    Task<Complaint?> Complaint(string complaintId, CancellationToken ct = default);
}

public sealed class SqlMerchantArchive(Database database) : IMerchantArchive
{
    public Task Add(string merchantId, IReadOnlyList<Complaint> complaints, IReadOnlyList<Review> reviews, CancellationToken ct = default) =>
        database.Write(async (connection, tx) =>
        {
            foreach (var c in complaints)
            {
                await using var insert = Database.Command(connection, """
                    INSERT INTO merchant_complaint_archive (complaint_id, merchant_id, received_at, text, contact, substantiated, verdict_by, verdict_at, resolved_at)
                    VALUES (@id, @merchant, @received, @text, @contact, @substantiated, @by, @verdictAt, @resolved)
                    ON CONFLICT (complaint_id) DO NOTHING
                    """, tx, ("@id", c.ComplaintId), ("@merchant", merchantId), ("@received", Day(c.ReceivedAt)), ("@text", c.Text), ("@contact", c.Contact),
                    ("@substantiated", c.Substantiated is { } s ? (s ? 1 : 0) : null), ("@by", c.VerdictBy), ("@verdictAt", Day(c.VerdictAt)), ("@resolved", Day(c.ResolvedAt)));
                await insert.ExecuteNonQueryAsync(ct);
            }
            foreach (var r in reviews)
            {
                await using var insert = Database.Command(connection, """
                    INSERT INTO merchant_review_archive (merchant_id, seq, stars, text, at) VALUES (@merchant, @seq, @stars, @text, @at)
                    ON CONFLICT (merchant_id, seq) DO NOTHING
                    """, tx, ("@merchant", merchantId), ("@seq", r.Seq), ("@stars", r.Stars), ("@text", r.Text),
                    ("@at", r.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
                await insert.ExecuteNonQueryAsync(ct);
            }
        }, ct);

    public async Task<Complaint?> Complaint(string complaintId, CancellationToken ct = default)
    {
        await using var connection = await database.Open(ct);
        await using var command = Database.Command(connection, """
            SELECT complaint_id, text, contact, received_at, substantiated, verdict_by, verdict_at, resolved_at
            FROM merchant_complaint_archive WHERE complaint_id = @id
            """, null, ("@id", complaintId));
        await using var r = await command.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new Complaint(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Parse(r.GetString(3)),
            r.IsDBNull(4) ? null : Database.Long(r, 4) == 1, r.IsDBNull(5) ? null : r.GetString(5),
            r.IsDBNull(6) ? null : Parse(r.GetString(6)), r.IsDBNull(7) ? null : Parse(r.GetString(7)));
    }

    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Parse(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);
}
