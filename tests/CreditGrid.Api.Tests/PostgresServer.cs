using Npgsql;

namespace CreditGrid.Api.Tests;

/// <summary>
/// The private PostgreSQL server .ci/run starts (.ci/postgres-start), named by CREDITGRID_TEST_POSTGRES. Each fixture
/// gets a database of its own. Without the variable the PostgreSQL tests fail and say how to start the server.
/// </summary>
public static class PostgresServer
{
    public static string Admin =>
        Environment.GetEnvironmentVariable("CREDITGRID_TEST_POSTGRES") is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException("CREDITGRID_TEST_POSTGRES is not set: run eval \"$(.ci/postgres-start)\" first (.ci/run does).");

    /// <summary>
    /// Creates a fresh database and returns its connection string. Up to 20 connections per pool, idle ones closed after
    /// 10 s: dozens of hosts run in one test process against one server (max_connections 600, .ci/postgres-start).
    /// </summary>
    public static async Task<string> NewDatabase()
    {
        var name = "cg_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name, MaxPoolSize = 20, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 2 }.ToString();
    }
}

/// <summary>The real host over PostgreSQL (Storage:Provider=postgres), schema created at start.</summary>
public sealed class PostgresGridHost : GridHost
{
    public string ConnectionString { get; private set; } = "";

    protected override async Task<string[]> StorageArguments()
    {
        ConnectionString = await PostgresServer.NewDatabase();
        return ["--Storage:Provider=postgres", $"--Storage:ConnectionString={ConnectionString}"];
    }
}
