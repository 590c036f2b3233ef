using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CreditGrid.Benchmarks.Harness;
using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using CreditGrid.Core.Identifiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// The usual way to do the same job, for comparison: a plain ASP.NET Core minimal API (in-process Kestrel on loopback)
/// taking the same events:batch body. Per event it checks the fields and the catalogue, inserts the record into a SQL
/// table, recomputes the subject's score with a SQL aggregate (SELECT 1000 + SUM(points) … WHERE subject_id = @s) and
/// stores it; the 207 goes out after the commit, so an accepted event is durable and already scored.
/// <see cref="Mode.TransactionPerRequest"/> commits once per request (1000 events); <see cref="Mode.TransactionPerEvent"/>
/// commits every event on its own. SQLite writes go through one gate (one writer at a time), as in the silo.
/// <para>
/// With <c>sameRules</c> (issue 16, "the comparison that counts") it is what a team without Orleans would build with
/// the grid's own rules: per event it stores the record (as JSON, the CreditRecord the grid stores), loads every
/// record of the subject, runs <see cref="RulesEngine.Evaluate"/> (caps, bands, validity, downgrade: the same engine as
/// the grains) and writes the evaluation (score, grade, downgraded, next change) — no grains, no live push, no fan-out.
/// </para>
/// </summary>
public sealed class Conventional : IAsyncDisposable
{
    public enum Mode { TransactionPerRequest, TransactionPerEvent }

    public const string Key = "conventional-key";
    private readonly WebApplication _app;
    private readonly Store _store;
    private readonly Mode _mode;
    private readonly bool _sameRules;
    private readonly SemaphoreSlim? _gate;

    private Conventional(WebApplication app, Store store, Mode mode, bool sameRules)
    {
        _app = app;
        _store = store;
        _mode = mode;
        _sameRules = sameRules;
        _gate = store.IsPostgres ? null : new SemaphoreSlim(1, 1);
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<Conventional> Start(Store store, Mode mode, bool sameRules = false)
    {
        await using (var c = await store.Open())
        await using (var ddl = c.CreateCommand())
        {
            ddl.CommandText = (store.IsPostgres ? "" : "PRAGMA journal_mode=WAL;") + """
                CREATE TABLE IF NOT EXISTS credit_events (
                    event_id    TEXT PRIMARY KEY,
                    subject_id  TEXT NOT NULL,
                    indicator   TEXT NOT NULL,
                    points      INTEGER NOT NULL,
                    payload     TEXT NOT NULL,
                    received_at TEXT NOT NULL
                );
                CREATE INDEX IF NOT EXISTS ix_credit_events_subject ON credit_events (subject_id);
                CREATE TABLE IF NOT EXISTS subject_scores (
                    subject_id TEXT PRIMARY KEY,
                    score      INTEGER NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE IF NOT EXISTS rules_records (
                    event_id   TEXT PRIMARY KEY,
                    subject_id TEXT NOT NULL,
                    record     TEXT NOT NULL
                );
                CREATE INDEX IF NOT EXISTS ix_rules_records_subject ON rules_records (subject_id);
                CREATE TABLE IF NOT EXISTS rules_evaluations (
                    subject_id  TEXT PRIMARY KEY,
                    score       INTEGER NOT NULL,
                    grade       TEXT,
                    downgraded  INTEGER NOT NULL,
                    next_change TEXT,
                    updated_at  TEXT NOT NULL
                );
                """;
            await ddl.ExecuteNonQueryAsync();
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new Conventional(app, store, mode, sameRules);
        app.MapPost("/api/v1/events:batch", (Delegate)server.Batch);
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return server;
    }

    public HttpClient Client()
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    private sealed record Item(string EventId, string SubjectId, string Indicator, int Points, string Payload, CreditRecord Record);

    private async Task<IResult> Batch(HttpContext http)
    {
        if (http.Request.Headers["X-Api-Key"] != Key) return Results.Unauthorized();
        using var doc = await JsonDocument.ParseAsync(http.Request.Body);
        var results = new List<object>();
        var items = new List<Item>();
        foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
        {
            var id = e.TryGetProperty("eventId", out var p) ? p.GetString() : null;
            var subject = e.TryGetProperty("subjectId", out p) ? p.GetString() : null;
            var indicator = e.TryGetProperty("indicator", out p) ? p.GetString() : null;
            if (id is null || subject is null || indicator is null || !UnifiedSocialCreditCode.IsValid(subject)
                || !DateOnly.TryParseExact(e.GetProperty("occurredAt").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var occurred)
                || !IndicatorCatalog.Default.TryGet(indicator, out var entry) || entry.Points is not { } points)
            {
                results.Add(new { eventId = id, statusCode = 400 });
                continue;
            }
            var record = new CreditRecord
            {
                RecordId = RecordIds.For(id), EventId = id, Indicator = entry.Code, Department = Department,
                ActionRef = e.TryGetProperty("actionRef", out p) ? p.GetString() : null, OccurredAt = occurred, ReportedAt = Today,
            };
            items.Add(new Item(id, subject, indicator, points, e.GetRawText(), record));
        }
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var statuses = _sameRules ? await StoreWithRules(items) : await Store(items);
                results.AddRange(items.Select((it, i) => new { eventId = it.EventId, statusCode = statuses[i] }));
                break;
            }
            catch (PostgresException ex) when (ex.SqlState is "40P01" or "40001" && attempt < 10) { } // deadlock / serialization: retry the request
        }
        return Results.Json(new { results }, statusCode: 207);
    }

    /// <summary>Plain: insert the event, recompute the subject's score with a SQL SUM, store it.</summary>
    private Task<int[]> Store(List<Item> items) => InTransactions(items,
        (connection, tx) =>
        [
            Command(connection, tx, """
                INSERT INTO credit_events (event_id, subject_id, indicator, points, payload, received_at)
                VALUES (@id, @subject, @indicator, @points, @payload, @at) ON CONFLICT (event_id) DO NOTHING
                """, "@id", "@subject", "@indicator", "@points", "@payload", "@at"),
            Command(connection, tx, "SELECT 1000 + COALESCE(SUM(points), 0) FROM credit_events WHERE subject_id = @subject", "@subject"),
            Command(connection, tx, """
                INSERT INTO subject_scores (subject_id, score, updated_at) VALUES (@subject, @score, @at)
                ON CONFLICT (subject_id) DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at
                """, "@subject", "@score", "@at"),
        ],
        async (c, it, now) =>
        {
            var (insert, score, save) = (c[0], c[1], c[2]);
            Set(insert, it.EventId, it.SubjectId, it.Indicator, it.Points, it.Payload, now);
            if (await insert.ExecuteNonQueryAsync() == 0) return 200; // duplicate
            Set(score, it.SubjectId);
            Set(save, it.SubjectId, Convert.ToInt64(await score.ExecuteScalarAsync(), CultureInfo.InvariantCulture), now);
            await save.ExecuteNonQueryAsync();
            return 202;
        });

    private const string Department = "区市场监管局";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    /// <summary>The same rules as the grid, the conventional way: store, load the subject's records, evaluate, store the evaluation.</summary>
    private Task<int[]> StoreWithRules(List<Item> items) => InTransactions(items,
        (connection, tx) =>
        [
            Command(connection, tx,
                "INSERT INTO rules_records (event_id, subject_id, record) VALUES (@id, @subject, @record) ON CONFLICT (event_id) DO NOTHING",
                "@id", "@subject", "@record"),
            Command(connection, tx, "SELECT record FROM rules_records WHERE subject_id = @subject", "@subject"),
            Command(connection, tx, """
                INSERT INTO rules_evaluations (subject_id, score, grade, downgraded, next_change, updated_at)
                VALUES (@subject, @score, @grade, @downgraded, @next, @at)
                ON CONFLICT (subject_id) DO UPDATE SET score = excluded.score, grade = excluded.grade, downgraded = excluded.downgraded,
                    next_change = excluded.next_change, updated_at = excluded.updated_at
                """, "@subject", "@score", "@grade", "@downgraded", "@next", "@at"),
        ],
        async (c, it, now) =>
        {
            var (insert, load, save) = (c[0], c[1], c[2]);
            Set(insert, it.EventId, it.SubjectId, JsonSerializer.Serialize(it.Record, RecordJson));
            if (await insert.ExecuteNonQueryAsync() == 0) return 200; // duplicate
            Set(load, it.SubjectId);
            var records = new List<CreditRecord>();
            await using (var reader = await load.ExecuteReaderAsync())
                while (await reader.ReadAsync()) records.Add(JsonSerializer.Deserialize<CreditRecord>(reader.GetString(0), RecordJson)!);
            var evaluation = RulesEngine.Default.Evaluate(new SubjectProfile(SubjectKind.Enterprise, it.SubjectId, null), records, Today);
            Set(save, it.SubjectId, evaluation.Score, (object?)evaluation.Grade ?? DBNull.Value, evaluation.Downgraded ? 1 : 0,
                evaluation.NextChangeAt is { } next ? next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value, now);
            await save.ExecuteNonQueryAsync();
            return 202;
        });

    /// <summary>
    /// One connection per request (one writer at a time on SQLite); the commands once per request; one transaction for
    /// the request (<see cref="Mode.TransactionPerRequest"/>) or one per event; each event's status from <paramref name="apply"/>.
    /// </summary>
    private async Task<int[]> InTransactions(List<Item> items, Func<DbConnection, DbTransaction?, DbCommand[]> prepare, Func<DbCommand[], Item, string, Task<int>> apply)
    {
        if (_gate is not null) await _gate.WaitAsync();
        DbCommand[] commands = [];
        try
        {
            await using var connection = _store.IsPostgres ? new NpgsqlConnection(_store.ConnectionString) : (DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(_store.ConnectionString);
            await connection.OpenAsync();
            var statuses = new int[items.Count];
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            var perEvent = _mode == Mode.TransactionPerEvent;
            var tx = perEvent ? null : await connection.BeginTransactionAsync();
            commands = prepare(connection, tx);
            for (var i = 0; i < items.Count; i++)
            {
                if (perEvent)
                {
                    tx = await connection.BeginTransactionAsync();
                    foreach (var c in commands) c.Transaction = tx;
                }
                statuses[i] = await apply(commands, items[i], now);
                if (perEvent)
                {
                    await tx!.CommitAsync();
                    await tx.DisposeAsync();
                }
            }
            if (!perEvent)
            {
                await tx!.CommitAsync();
                await tx.DisposeAsync();
            }
            return statuses;
        }
        finally
        {
            foreach (var c in commands) await c.DisposeAsync();
            _gate?.Release();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var name in names)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        return command;
    }

    private static void Set(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
