namespace CreditGrid.Silo.Storage;

/// <summary>Configuration section "Storage" (http-api Operations).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>sqlite (default) | postgres.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The shipped SQLite file, relative to the working folder (appsettings.json).</summary>
    public const string DefaultConnectionString = "Data Source=./data/creditgrid.db";

    /// <summary>The configured store (bound from `Storage:ConnectionString`).</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>
    /// The store to open. On SQLite with the shipped connection string, `Storage:DataDirectory` (http-api Operations: the
    /// folder of the embedded database and generated keys) decides where the file is; an explicit connection string wins.
    /// </summary>
    public string EffectiveConnectionString =>
        IsSqlite && !string.IsNullOrWhiteSpace(DataDirectory) && ConnectionString == DefaultConnectionString
            ? "Data Source=" + Path.Combine(DataDirectory, "creditgrid.db")
            : ConnectionString;

    /// <summary>The folder of the embedded database and the generated API keys (SQLite).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// SQLite only: the most the database file may grow to (PRAGMA max_page_count on every connection); unset, no cap
    /// but the disk's. Reaching it is a full disk to the program: writes answer 503, /readyz is 503 (issue 11 item 5).
    /// </summary>
    public double? SqliteMaxMegabytes { get; set; }

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
}
