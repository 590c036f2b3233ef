using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Intake;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Hosting;

/// <summary>Where state lives: one switch between the embedded SQLite file and PostgreSQL (Storage:Provider).</summary>
public static class StorageExtensions
{
    public const string GrainStorage = "credit";

    public static StorageOptions StorageOf(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!options.IsSqlite && !options.IsPostgres)
            throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not known; use 'sqlite' (default) or 'postgres'.");
        return options;
    }

    /// <summary>The ADO.NET invariant Orleans' providers take: "System.Data.SQLite" maps to Microsoft.Data.Sqlite in Orleans 10.</summary>
    public static string Invariant(StorageOptions options) => options.IsPostgres ? "Npgsql" : "System.Data.SQLite";

    public static IServiceCollection AddCreditGridStores(this IServiceCollection services, IConfiguration configuration)
    {
        StorageOf(configuration);
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<Database>();
        services.AddSingleton<IntakeSignal>();
        services.AddSingleton<SqlEventIntake>();
        services.AddSingleton<IIntakeLog>(sp => sp.GetRequiredService<SqlEventIntake>());
        services.AddSingleton<IEventIntake>(sp => sp.GetRequiredService<SqlEventIntake>());
        services.AddSingleton<IDepartmentTimeliness>(sp => sp.GetRequiredService<SqlEventIntake>());
        services.AddSingleton<IEventList, SqlEventList>();
        services.AddSingleton<SqlRecordDirectory>();
        services.AddSingleton<IRecordIndex>(sp => sp.GetRequiredService<SqlRecordDirectory>());
        services.AddSingleton<IRecordDirectory>(sp => sp.GetRequiredService<SqlRecordDirectory>());
        services.AddSingleton<IObjectionRegistry, SqlObjectionRegistry>();
        services.AddSingleton<ISubjectSearch, SqlSubjectSearch>();
        services.AddSingleton<Core.Portal.IPublicDirectory, SqlPublicDirectory>();
        services.AddSingleton<IMerchantArchive, SqlMerchantArchive>();
        services.AddSingleton<IGradeCounts, SqlGradeCounts>();
        services.AddSingleton<IChangeLog, SqlChangeLog>();
        services.AddSingleton<Core.Street.IComplaintQueue, SqlComplaintQueue>();
        services.AddSingleton<IAuditTrail, SqlAuditTrail>();
        services.AddSingleton<IDueWork, SqlDueWork>();
        services.AddSingleton<ILegalRepresentatives, SqlLegalRepresentatives>();
        services.AddSingleton<Core.Records.ILicenceRegistry, SqlLicences>();
        services.AddSingleton<Core.Records.ICommitmentRegistry, SqlCommitments>();
        services.AddSingleton<Core.Imports.IImportStore, SqlImportStore>();
        services.AddSingleton<Core.Reports.IReportIssues, SqlReportIssues>();
        services.AddSingleton<Core.Applications.IApplicationRegistry, SqlApplications>().AddSingleton<Core.Applications.ApplicationIntake>();
        services.AddHostedService<PostgresPoolRelease>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }

    /// <summary>
    /// Orleans grain state on the same database, on both providers through <see cref="GroupCommitGrainStorage"/>: the
    /// stock ADO.NET provider's own queries and rows (docs/sqlite-persistence.md, docs/postgres.md), committed in groups,
    /// with the projection rows of each state in the same transaction (architecture: "Projections are durable and
    /// rebuildable"; "Speed in the production shape": a round's states in one transaction, not one per grain).
    /// </summary>
    public static ISiloBuilder AddCreditGridGrainStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        StorageOf(configuration);
        silo.Services.AddSingleton<GrainStateFormat>();
        silo.Services.AddGrainStorage(GrainStorage, (sp, _) => new GroupCommitGrainStorage(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<GrainStateFormat>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }
}
