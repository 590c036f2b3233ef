using CreditGrid.Core.Grid;
using CreditGrid.Silo.Intake;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Hosting;

/// <summary>Where state lives: one switch between the embedded SQLite file and PostgreSQL (Storage:Provider).</summary>
public static class StorageExtensions
{
    public const string GrainStorage = "credit";

    public static IServiceCollection AddCreditGridStores(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported yet; use 'sqlite'.");

        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<Database>();
        services.AddSingleton<IntakeSignal>();
        services.AddSingleton<SqliteEventIntake>();
        services.AddSingleton<IIntakeLog>(sp => sp.GetRequiredService<SqliteEventIntake>());
        services.AddSingleton<IEventIntake>(sp => sp.GetRequiredService<SqliteEventIntake>());
        services.AddSingleton<IDepartmentTimeliness>(sp => sp.GetRequiredService<SqliteEventIntake>());
        services.AddSingleton<SqliteRecordDirectory>();
        services.AddSingleton<IRecordIndex>(sp => sp.GetRequiredService<SqliteRecordDirectory>());
        services.AddSingleton<IRecordDirectory>(sp => sp.GetRequiredService<SqliteRecordDirectory>());
        services.AddSingleton<IObjectionRegistry, SqliteObjectionRegistry>();
        services.AddSingleton<IAuditTrail, SqliteAuditTrail>();
        services.AddSingleton<IDueWork, SqliteDueWork>();
        services.AddSingleton<ILegalRepresentatives, SqliteLegalRepresentatives>();
        return services;
    }

    /// <summary>Orleans grain state through the ADO.NET provider on the same SQLite file (docs/sqlite-persistence.md).</summary>
    public static ISiloBuilder AddCreditGridGrainStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        silo.AddAdoNetGrainStorage(GrainStorage, o =>
        {
            o.Invariant = "System.Data.SQLite"; // Orleans 10 maps this name to Microsoft.Data.Sqlite
            o.ConnectionString = Database.Normalise(options.ConnectionString);
        });
        return silo;
    }
}
