namespace CreditGrid.Silo.Storage;

/// <summary>Configuration section "Storage" (http-api Operations).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>sqlite (default) | postgres.</summary>
    public string Provider { get; set; } = "sqlite";

    public string ConnectionString { get; set; } = "Data Source=./data/creditgrid.db";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider, "sqlite", StringComparison.OrdinalIgnoreCase);
}
