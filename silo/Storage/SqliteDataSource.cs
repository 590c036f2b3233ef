using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// SQLite connections with SQLite's own busy handler switched on. Microsoft.Data.Sqlite never sets
/// <c>busy_timeout</c>: a writer that meets a locked file sleeps a fixed 150 ms before it tries again, which under
/// load turned a 5 ms lock into a 152 ms wait (docs/benchmarks.md). With the pragma SQLite retries after 1-100 ms.
/// Every SQLite connection of the silo opens here (<see cref="Database.Open"/>), grain state included.
/// </summary>
public sealed class SqliteDataSource(string connectionString, double? maxMegabytes = null) : DbDataSource
{
    // Storage:SqliteMaxMegabytes, in pages of SQLite's default 4096 bytes (the project never changes page_size).
    public const int BusyTimeoutMs = 30_000;

    private readonly string _pragmas = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA wal_autocheckpoint = {SqliteCheckpointer.BackstopPages};"
        + (maxMegabytes is { } mb ? $" PRAGMA max_page_count = {Math.Max(1, (long)(mb * 1024 * 1024 / 4096))};" : "");

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = _pragmas;
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Microsoft.Data.Sqlite is synchronous underneath: its OpenAsync calls Open.
    protected override ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(OpenDbConnection());
}
