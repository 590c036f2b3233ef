using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CreditGrid.Benchmarks.Harness;

/// <summary>A fresh database for one run: a new SQLite file, or a new database on the PostgreSQL server of CREDITGRID_TEST_POSTGRES.</summary>
public sealed class Store : IAsyncDisposable
{
    private readonly string? _admin;

    private Store(string kind, string connectionString, string? admin, string? databaseName, string folder)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _admin = admin;
        DatabaseName = databaseName;
        Folder = folder;
    }

    public string Kind { get; }
    public bool IsPostgres => Kind == "postgres";
    public string ConnectionString { get; }
    public string? DatabaseName { get; }
    public string Folder { get; }

    public string Label => IsPostgres ? "PostgreSQL" : "SQLite (embedded)";

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable("CREDITGRID_TEST_POSTGRES") is { Length: > 0 } a ? a : null;

    public static Store Sqlite(string folder, string file = "creditgrid.db")
    {
        Directory.CreateDirectory(folder);
        return new Store("sqlite", $"Data Source={Path.Combine(folder, file)}", null, null, folder);
    }

    public static async Task<Store> Postgres(string admin, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = "cgb_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 100 }.ToString();
        return new Store("postgres", cs, admin, name, folder);
    }

    public static async Task<Store> Create(string kind, string folder) =>
        kind == "postgres" ? await Postgres(PostgresAdmin ?? throw new InvalidOperationException("CREDITGRID_TEST_POSTGRES is not set"), folder) : Sqlite(folder);

    public string[] SiloArguments =>
        IsPostgres ? ["--Storage:Provider=postgres", $"--Storage:ConnectionString={ConnectionString}"] : [$"--Storage:ConnectionString={ConnectionString}"];

    public async Task<DbConnection> Open()
    {
        DbConnection c = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString + ";Pooling=False");
        await c.OpenAsync();
        return c;
    }

    /// <summary>CPU of this database's PostgreSQL backends (their command lines name the database); zero for SQLite (it runs inside the silo).</summary>
    public TimeSpan ServerCpu() => DatabaseName is null ? TimeSpan.Zero : Proc.CpuOfProcessesMatching(" " + DatabaseName + " ");

    public async Task<long> Scalar(string sql)
    {
        await using var c = await Open();
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Events not yet handed over (accepted) or waiting for fan-out acknowledgements (delivered): the state index answers.</summary>
    /// <summary>
    /// Whether any event is still accepted or delivered: two EXISTS probes the state index answers from its first live
    /// entry. The drain loop polls this; counting the backlog on every poll was ~17 % of the PostgreSQL server's time in
    /// an ingest run (pg_stat_statements, 2026-12-01), which the table then put on the grid's account.
    /// </summary>
    public async Task<bool> AnyPendingIntake() =>
        await Scalar("SELECT CASE WHEN EXISTS (SELECT 1 FROM intake_events WHERE state = 'accepted') OR EXISTS (SELECT 1 FROM intake_events WHERE state = 'delivered') THEN 1 ELSE 0 END") == 1;

    public async Task<long> PendingIntake() =>
        await Scalar("SELECT COUNT(*) FROM intake_events WHERE state = 'accepted'") + await Scalar("SELECT COUNT(*) FROM intake_events WHERE state = 'delivered'");

    public async Task<Dictionary<string, long>> IntakeStates()
    {
        await using var c = await Open();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM intake_events GROUP BY state";
        await using var reader = await command.ExecuteReaderAsync();
        var map = new Dictionary<string, long>();
        while (await reader.ReadAsync()) map[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return map;
    }

    /// <summary>Bytes on disk: the SQLite file and its WAL, or pg_database_size.</summary>
    public async Task<long> SizeOnDisk()
    {
        if (IsPostgres) return await Scalar($"SELECT pg_database_size('{DatabaseName}')");
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        // CREDITGRID_BENCH_KEEP_DATABASE=1 keeps a PostgreSQL database for EXPLAIN afterwards (its name is printed).
        if (Environment.GetEnvironmentVariable("CREDITGRID_BENCH_KEEP_DATABASE") == "1" && DatabaseName is not null)
            Console.WriteLine($"[store] kept database {DatabaseName}");
        else if (_admin is not null && DatabaseName is not null)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_admin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException) { }
        }
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
