using System.Data.Common;
using System.Text.Json;
using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// What one pump round took from the intake log: its events (seq order) and the lease rows (their from_seq) that hold
/// them for this silo. Handed back to <see cref="IIntakeLog.Record"/>, which drops the leases once every event left 'accepted'.
/// </summary>
public sealed record IntakeClaim(IReadOnlyList<CreditEvent> Events, IReadOnlyList<long> Leases)
{
    public static readonly IntakeClaim Empty = new([], []);
}

/// <summary>
/// Claims without row rewrites (issue 16, docs/intake.md): a claim is one row of intake_leases per claimed range of
/// seq (claimant, from_seq, to_seq, until); the intake rows themselves are only read. A range no lease covers is free;
/// a lease that ran out (its silo died) is taken over; a lease whose rows all left 'accepted' is dropped. Claims are
/// serialised (PostgreSQL: a table lock on intake_leases; SQLite: the one writer), so two silos never lease one row.
/// </summary>
public static class IntakeLeases
{
    private const string Free = """
        SELECT seq, payload FROM intake_events i
        WHERE state = 'accepted' AND NOT EXISTS (SELECT 1 FROM intake_leases l WHERE i.seq BETWEEN l.from_seq AND l.to_seq)
        ORDER BY seq LIMIT @max
        """;

    private const string InRange = "SELECT seq, payload FROM intake_events WHERE state = 'accepted' AND seq BETWEEN @from AND @to";

    /// <summary>Claims for <paramref name="me"/>: first its own leases and the lapsed ones (their rows still 'accepted'), then up to <paramref name="max"/> free rows.</summary>
    public static async Task<IntakeClaim> Claim(DbConnection connection, DbTransaction tx, bool postgres, string me, string now, string until, int max, CancellationToken ct)
    {
        // Another silo's claim waits here until this one commits; reads of intake_leases (the Free query) do not.
        if (postgres) await Exec(connection, tx, "LOCK TABLE intake_leases IN SHARE ROW EXCLUSIVE MODE", ct);

        var leases = new List<(long From, long To, string Claimant, string Until)>();
        await using (var all = Database.Command(connection, "SELECT from_seq, to_seq, claimant, until FROM intake_leases ORDER BY from_seq", tx))
        await using (var reader = await all.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                leases.Add((Database.Long(reader, 0), Database.Long(reader, 1), reader.GetString(2), reader.GetString(3)));

        var events = new List<(long Seq, CreditEvent Event)>();
        var held = new List<long>();
        // Own leases still standing hold events a grain call failed on (or a late commit inside the range): offered
        // again every round, as the old claimed_by = me did. Lapsed leases of another silo are taken over.
        foreach (var lease in leases.Where(l => l.Claimant == me || string.CompareOrdinal(l.Until, now) < 0).ToList())
        {
            var before = events.Count;
            await Read(connection, tx, InRange, events, ct, ("@from", lease.From), ("@to", lease.To));
            if (events.Count == before)
            {
                await Exec(connection, tx, "DELETE FROM intake_leases WHERE from_seq = @from", ct, ("@from", lease.From));
                leases.Remove(lease);
                continue;
            }
            await Exec(connection, tx, "UPDATE intake_leases SET claimant = @me, until = @until WHERE from_seq = @from", ct,
                ("@me", me), ("@until", until), ("@from", lease.From));
            held.Add(lease.From);
        }

        var free = new List<(long Seq, CreditEvent Event)>();
        if (max > events.Count) await Read(connection, tx, Free, free, ct, ("@max", max - events.Count));
        // One lease per run of free rows that no standing lease starts inside, so leases never overlap.
        var starts = leases.Select(l => l.From).Order().ToList();
        var i = 0;
        while (i < free.Count)
        {
            var j = i;
            while (j + 1 < free.Count && !StartsBetween(starts, free[j].Seq, free[j + 1].Seq)) j++;
            await Exec(connection, tx, "INSERT INTO intake_leases (from_seq, to_seq, claimant, until) VALUES (@from, @to, @me, @until)", ct,
                ("@from", free[i].Seq), ("@to", free[j].Seq), ("@me", me), ("@until", until));
            held.Add(free[i].Seq);
            i = j + 1;
        }
        events.AddRange(free);
        return new IntakeClaim([.. events.OrderBy(e => e.Seq).Select(e => e.Event)], held);
    }

    /// <summary>Drops <paramref name="me"/>'s leases of a round whose events all left 'accepted' (inside the Record transaction).</summary>
    public static async Task Done(DbConnection connection, DbTransaction tx, string me, IReadOnlyList<long> leases, CancellationToken ct)
    {
        foreach (var from in leases)
            await Exec(connection, tx, "DELETE FROM intake_leases WHERE from_seq = @from AND claimant = @me", ct, ("@from", from), ("@me", me));
    }

    /// <summary>Every lease goes (the only silo, at its start: they were its previous run's).</summary>
    public static Task Release(DbConnection connection, DbTransaction tx, CancellationToken ct) => Exec(connection, tx, "DELETE FROM intake_leases", ct);

    /// <summary>Whether a standing lease starts after <paramref name="low"/> and at or before <paramref name="high"/>.</summary>
    private static bool StartsBetween(List<long> starts, long low, long high)
    {
        var at = starts.BinarySearch(low + 1);
        if (at < 0) at = ~at;
        return at < starts.Count && starts[at] <= high;
    }

    private static async Task Read(DbConnection connection, DbTransaction tx, string sql, List<(long, CreditEvent)> into, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Database.Command(connection, sql, tx, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            into.Add((Database.Long(reader, 0), JsonSerializer.Deserialize<CreditEvent>(reader.GetString(1), GridJson.Options)!));
    }

    private static async Task Exec(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Database.Command(connection, sql, tx, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }
}
