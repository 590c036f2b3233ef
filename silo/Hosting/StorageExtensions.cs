using CreditGrid.Core.Grid;
using CreditGrid.Silo.Intake;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Hosting;

/// <summary>Where state lives: one switch between the embedded SQLite file and PostgreSQL (Storage:Provider).</summary>
public static class StorageExtensions
{
    public const string GrainStorage = "credit";

    public static WebApplicationBuilder AddCreditGridStorage(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported yet; use 'sqlite'.");

        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<IntakeSignal>();
        builder.Services.AddSingleton<SqliteEventIntake>();
        builder.Services.AddSingleton<IIntakeLog>(sp => sp.GetRequiredService<SqliteEventIntake>());
        builder.Services.AddSingleton<IEventIntake>(sp => sp.GetRequiredService<SqliteEventIntake>());
        builder.Services.AddSingleton<SqliteRecordDirectory>();
        builder.Services.AddSingleton<IRecordIndex>(sp => sp.GetRequiredService<SqliteRecordDirectory>());
        builder.Services.AddSingleton<IRecordDirectory>(sp => sp.GetRequiredService<SqliteRecordDirectory>());
        builder.Services.AddSingleton<IObjectionRegistry, SqliteObjectionRegistry>();
        builder.Services.AddSingleton<IAuditTrail, SqliteAuditTrail>();
        builder.Services.AddSingleton<IDueWork, SqliteDueWork>();
        builder.Services.AddSingleton<ILegalRepresentatives, SqliteLegalRepresentatives>();
        return builder;
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
