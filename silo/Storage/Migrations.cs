using System.Data.Common;
using System.Reflection;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// Creates the schema, idempotently: the Orleans scripts of the provider (re-applied every time; they are written to be
/// idempotent) and the project's numbered scripts (each applied once, recorded in creditgrid_migrations).
/// Embedded mode runs this at every start; in a cluster `dotnet CreditGrid.Silo.dll migrate` (a Kubernetes Job) does.
/// </summary>
public static class Migrations
{
    private const string ResourcePrefix = "CreditGrid.Silo.Sql.";

    public static async Task Apply(Database database, CancellationToken ct = default)
    {
        var provider = database.IsPostgres ? "postgres" : "sqlite";
        if (database.FilePath is { } file && Path.GetDirectoryName(file) is { Length: > 0 } directory) Directory.CreateDirectory(directory);

        // Unpooled (PostgreSQL): the pool does not reset sessions (Database.Normalise, No Reset On Close), so the session
        // advisory lock below must never ride back into the pool; closing this connection ends its session. The unlock
        // is in a finally as well, for the normal path. (A transaction-level lock cannot be used: the Orleans scripts
        // run their own BEGIN/COMMIT, which would release it half-way.)
        await using var connection = await database.OpenUnpooled(ct);
        if (database.IsPostgres)
            await Exec(connection, "SELECT pg_advisory_lock(2021120087)", ct); // several pods may start the Job or silos at once
        else
            await Exec(connection, "PRAGMA journal_mode=WAL;", ct); // readers beside the one writer; NORMAL sync is crash-safe in WAL
        try
        {
            await ApplyScripts(connection, provider, ct);
        }
        finally
        {
            if (database.IsPostgres)
                try { await Exec(connection, "SELECT pg_advisory_unlock(2021120087)", CancellationToken.None); }
                catch (Exception) { } // an aborted transaction or a broken connection: closing the session releases the lock
        }
    }

    private static async Task ApplyScripts(DbConnection connection, string provider, CancellationToken ct)
    {
        foreach (var orleans in new[] { "persistence", "clustering", "reminders" })
        {
            if (Exists($"{provider}-{orleans}.sql")) await Exec(connection, Read($"{provider}-{orleans}.sql"), ct);
        }
        await Exec(connection, "CREATE TABLE IF NOT EXISTS creditgrid_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)", ct);
        // One row /readyz rewrites to prove that a write commits (Hosting/StoreHealth.cs, issue 11 item 5).
        await Exec(connection, "CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL)", ct);

        foreach (var script in ProjectScripts(provider))
        {
            var id = script[(provider.Length + 1)..]; // "project-001-initial.sql", the same id on every provider
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var check = Database.Command(connection, "SELECT COUNT(*) FROM creditgrid_migrations WHERE id = @id", tx, ("@id", id));
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct)) > 0) { await tx.RollbackAsync(ct); continue; }
            await using (var run = Database.Command(connection, Read(script), tx)) await run.ExecuteNonQueryAsync(ct);
            await using (var mark = Database.Command(connection, "INSERT INTO creditgrid_migrations (id, applied_at) VALUES (@id, @at)", tx,
                ("@id", id), ("@at", DateTimeOffset.UtcNow.ToString("O"))))
                await mark.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    private static IEnumerable<string> ProjectScripts(string provider) =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith($"{ResourcePrefix}{provider}-project-", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..])
            .Order(StringComparer.Ordinal);

    private static bool Exists(string file) => Assembly.GetExecutingAssembly().GetManifestResourceInfo(ResourcePrefix + file) is not null;

    private static string Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"embedded script {file} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task Exec(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = Database.Command(connection, sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
