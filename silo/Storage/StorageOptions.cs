namespace CreditGrid.Silo.Storage;

/// <summary>Configuration section "Storage" (http-api Operations).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>sqlite (default) | postgres.</summary>
    public string Provider { get; set; } = "sqlite";

    public string ConnectionString { get; set; } = "Data Source=./data/creditgrid.db";
}
