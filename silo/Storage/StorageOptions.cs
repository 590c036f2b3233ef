namespace CreditGrid.Silo.Storage;

/// <summary>Configuration section "Storage" (http-api Operations).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>sqlite (default) | postgres.</summary>
    public string Provider { get; set; } = "sqlite";

    public string ConnectionString { get; set; } = "Data Source=./data/creditgrid.db";

    /// <summary>
    /// SQLite only: the most the database file may grow to (PRAGMA max_page_count on every connection); unset, no cap
    /// but the disk's. Reaching it is a full disk to the program: writes answer 503, /readyz is 503 (issue 11 item 5).
    /// </summary>
    public double? SqliteMaxMegabytes { get; set; }

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
}
