using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// The embedded SQLite database: the Orleans grain-state table and the project's own tables in one file.
/// SQLite takes one writer at a time, so the project's writes queue on one gate (Orleans' writes wait on busy_timeout).
/// </summary>
public sealed class Database
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public Database(IOptions<StorageOptions> options)
    {
        _connectionString = Normalise(options.Value.ConnectionString);
        FilePath = Path.GetFullPath(new SqliteConnectionStringBuilder(_connectionString).DataSource);
    }

    /// <summary>Pooled connections that wait (rather than fail) while another connection writes.</summary>
    public static string Normalise(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    public string ConnectionString => _connectionString;

    /// <summary>The database file; API keys generated on first start go beside it.</summary>
    public string FilePath { get; }

    public async Task<SqliteConnection> Open(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Runs a write unit in one transaction, one writer at a time.</summary>
    public async Task<T> Write<T>(Func<SqliteConnection, DbTransaction, Task<T>> work, CancellationToken ct = default)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            await using var connection = await Open(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var result = await work(connection, tx);
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task Write(Func<SqliteConnection, DbTransaction, Task> work, CancellationToken ct = default) =>
        Write<bool>(async (c, t) => { await work(c, t); return true; }, ct);

    public static SqliteCommand Command(SqliteConnection connection, string sql, DbTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)tx;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
