using CreditGrid.Silo.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CreditGrid.Grid.Tests;

/// <summary>
/// A fresh database on the private PostgreSQL server named by CREDITGRID_TEST_POSTGRES (.ci/run starts it), with the
/// schema applied the way a silo applies it. Without the variable the PostgreSQL tests fail and say how to start it.
/// </summary>
public sealed class PostgresStore : IAsyncLifetime
{
    public Database Database { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public static string Admin =>
        Environment.GetEnvironmentVariable("CREDITGRID_TEST_POSTGRES") is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException("CREDITGRID_TEST_POSTGRES is not set: run eval \"$(.ci/postgres-start)\" first (.ci/run does).");

    public async Task InitializeAsync()
    {
        var name = "cg_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(Admin) { Database = name, MaxPoolSize = 20 }.ToString();
        Database = new Database(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = ConnectionString }));
        await Migrations.Apply(Database);
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(Database.ConnectionString));
        return Task.CompletedTask;
    }
}
