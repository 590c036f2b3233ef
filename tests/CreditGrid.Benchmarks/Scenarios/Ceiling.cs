using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CreditGrid.Benchmarks.Harness;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// The store's batched-commit ceiling: the same number of intake-log-sized rows (the intake_events schema, its unique
/// and state indexes, a payload as long as the silo's) written by the fastest plain client, 1000 rows per transaction.
/// SQLite: one connection, one prepared INSERT, WAL with the library's default synchronous setting (as the silo's own
/// connections). PostgreSQL: binary COPY, one transaction per 1000 rows.
/// </summary>
public static class Ceiling
{
    private const string Ddl = """
        CREATE TABLE intake_events (
            seq          {0},
            event_id     TEXT NOT NULL UNIQUE,
            body_hash    TEXT NOT NULL,
            department   TEXT NOT NULL,
            subject_kind TEXT NOT NULL,
            subject_id   TEXT NOT NULL,
            payload      TEXT NOT NULL,
            state        TEXT NOT NULL,
            record_ids   TEXT,
            reason       TEXT,
            received_at  TEXT NOT NULL,
            applied_at   TEXT
        );
        CREATE INDEX ix_intake_state ON intake_events (state, seq);
        """;

    public sealed record Result(string Store, long Rows, TimeSpan Elapsed, CpuSplit Cpu, string Detail)
    {
        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
    }

    /// <summary>An intake row as the silo writes it: the validated event as JSON (≈ the silo's payload), hash, record id.</summary>
    private static (string Id, string Hash, string Subject, string Payload, string Records, string At) Row(int i, int subjects)
    {
        var id = $"ceiling-{i}";
        var subject = Workload.Enterprise(i % subjects);
        var payload = $"{{\"eventId\":\"{id}\",\"subjectKind\":\"enterprise\",\"subjectId\":\"{subject}\",\"indicator\":\"{Workload.Indicator}\"," +
                      $"\"occurredAt\":\"{Workload.OccurredAt}\",\"reportedAt\":\"{Workload.OccurredAt}\",\"actionRef\":\"张市监罚〔2026〕{id}号\"," +
                      "\"department\":\"区市场监管局\",\"points\":null,\"amount\":null,\"amountKind\":null,\"endedAt\":null,\"validityYears\":null,\"note\":null}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
        return (id, hash, subject, payload, $"[\"r-{id}\"]", DateTimeOffset.UtcNow.ToString("O"));
    }

    public static async Task<Result> Run(Store store, int rows, int subjects, int perTransaction = 1000)
    {
        var data = Enumerable.Range(0, rows).Select(i => Row(i, subjects)).ToArray();
        await using var connection = await store.Open();
        await using (var ddl = connection.CreateCommand())
        {
            if (!store.IsPostgres)
            {
                ddl.CommandText = "PRAGMA journal_mode=WAL;";
                await ddl.ExecuteNonQueryAsync();
            }
            ddl.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Ddl, store.IsPostgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
            await ddl.ExecuteNonQueryAsync();
        }
        string detail;
        if (!store.IsPostgres)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous";
            var sync = Convert.ToInt64(await pragma.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            detail = $"prepared INSERT, {perTransaction} rows/transaction, WAL, synchronous={(sync switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", _ => sync.ToString(System.Globalization.CultureInfo.InvariantCulture) })}";
        }
        else detail = $"binary COPY, {perTransaction} rows/transaction";

        var cpu = new CpuWindow(() => TimeSpan.Zero, store.ServerCpu);
        var sw = Stopwatch.StartNew();
        if (store.IsPostgres) await CopyPostgres((NpgsqlConnection)connection, data, perTransaction);
        else await InsertSqlite((SqliteConnection)connection, data, perTransaction);
        sw.Stop();
        return new Result(store.Label, rows, sw.Elapsed, cpu.Stop(), detail);
    }

    private static async Task InsertSqlite(SqliteConnection connection, (string Id, string Hash, string Subject, string Payload, string Records, string At)[] data, int perTransaction)
    {
        for (var start = 0; start < data.Length; start += perTransaction)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO intake_events (event_id, body_hash, department, subject_kind, subject_id, payload, state, record_ids, received_at)
                VALUES ($id, $hash, '区市场监管局', 'enterprise', $subject, $payload, 'accepted', $records, $at)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var hash = insert.Parameters.Add("$hash", SqliteType.Text);
            var subject = insert.Parameters.Add("$subject", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Text);
            var records = insert.Parameters.Add("$records", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            insert.Prepare();
            for (var i = start; i < Math.Min(data.Length, start + perTransaction); i++)
            {
                var r = data[i];
                id.Value = r.Id; hash.Value = r.Hash; subject.Value = r.Subject; payload.Value = r.Payload; records.Value = r.Records; at.Value = r.At;
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
    }

    private static async Task CopyPostgres(NpgsqlConnection connection, (string Id, string Hash, string Subject, string Payload, string Records, string At)[] data, int perTransaction)
    {
        for (var start = 0; start < data.Length; start += perTransaction)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY intake_events (event_id, body_hash, department, subject_kind, subject_id, payload, state, record_ids, received_at) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = start; i < Math.Min(data.Length, start + perTransaction); i++)
                {
                    var r = data[i];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.Id, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Hash, NpgsqlDbType.Text);
                    await copy.WriteAsync("区市场监管局", NpgsqlDbType.Text);
                    await copy.WriteAsync("enterprise", NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Subject, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Payload, NpgsqlDbType.Text);
                    await copy.WriteAsync("accepted", NpgsqlDbType.Text);
                    await copy.WriteAsync(r.Records, NpgsqlDbType.Text);
                    await copy.WriteAsync(r.At, NpgsqlDbType.Text);
                }
                await copy.CompleteAsync();
            }
            await tx.CommitAsync();
        }
    }
}
