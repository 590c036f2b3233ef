using System.Data.Common;
using System.Globalization;
using CreditGrid.Silo.Grains;

namespace CreditGrid.Silo.Storage;

/// <summary>A street's public_exemplary rows, all of them (they replace the street's rows); Fresh: the table has none of them (rebuild).</summary>
public sealed record ExemplaryRows(string Street, IReadOnlyList<ExemplaryEntry> Items, long Revision, bool Fresh);

/// <summary>
/// 诚信红黑榜 (domain-rules §9): each street's 诚信经营示范店 on the red list, written in the street state's transaction
/// (sqlite/postgres-project-018-public-exemplary.sql, docs/portal.md). The street grain's ETag-guarded write is the
/// only writer of its rows, so replacing them needs no version guard (as public_penalty).
/// </summary>
public static class ExemplaryProjection
{
    private const string Insert = """
        INSERT INTO public_exemplary (street, merchant_id, rank, name, grade, reason, since)
        VALUES (@street, @id, @rank, @name, @grade, @reason, @since)
        """;

    public static async Task Write(DbConnection connection, DbTransaction tx, ExemplaryRows rows)
    {
        if (!rows.Fresh)
        {
            var delete = Database.Reused(connection, tx, "DELETE FROM public_exemplary WHERE street = @street", ("@street", rows.Street));
            await delete.ExecuteNonQueryAsync();
        }
        foreach (var e in rows.Items)
        {
            var insert = Database.Reused(connection, tx, Insert,
                ("@street", rows.Street), ("@id", e.MerchantId), ("@rank", e.Rank), ("@name", e.Name), ("@grade", e.Grade),
                ("@reason", StreetState.Reason(rows.Street, e.Rank)), ("@since", e.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            await insert.ExecuteNonQueryAsync();
        }
    }
}
