using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// Creates the schema on first start, idempotently: the Orleans grain-state script (re-applied every start; it is
/// written to be idempotent) and the project's numbered scripts (each applied once, recorded in creditgrid_migrations).
/// </summary>
public static class Migrations
{
    private const string ResourcePrefix = "CreditGrid.Silo.Sql.";

    public static async Task Apply(Database database, CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(database.FilePath);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        await using var connection = await database.Open(ct);
        // WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes in WAL mode.
        await Exec(connection, "PRAGMA journal_mode=WAL;", ct);
        await Exec(connection, Read("sqlite-persistence.sql"), ct);
        await Exec(connection, "CREATE TABLE IF NOT EXISTS creditgrid_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL);", ct);

        foreach (var script in ProjectScripts())
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var check = Database.Command(connection, "SELECT COUNT(*) FROM creditgrid_migrations WHERE id = @id", tx, ("@id", script));
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct)) > 0) { await tx.RollbackAsync(ct); continue; }
            await using (var run = Database.Command(connection, Read(script), tx)) await run.ExecuteNonQueryAsync(ct);
            await using (var mark = Database.Command(connection, "INSERT INTO creditgrid_migrations (id, applied_at) VALUES (@id, @at)", tx,
                ("@id", script), ("@at", DateTimeOffset.UtcNow.ToString("O"))))
                await mark.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    private static IEnumerable<string> ProjectScripts() =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "project-", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal);

    private static string Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"embedded script {file} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task Exec(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = Database.Command(connection, sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
