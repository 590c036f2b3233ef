using CreditGrid.Core.Grid;
using CreditGrid.Silo.Grains;
using CreditGrid.Silo.Hosting;
using CreditGrid.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CreditGrid.Grid.Tests;

/// <summary>
/// One cluster for every test class of this assembly: the fake clock and the silo configuration are static, so two
/// clusters at once would share them (and each other's database file).
/// </summary>
[CollectionDefinition(Name)]
public sealed class GridCollection : ICollectionFixture<GridCluster>
{
    public const string Name = "grid";
}

/// <summary>
/// A real two-silo Orleans test cluster with the grid's own silo configuration over a real SQLite file,
/// and a fake clock the tests move. One for the whole assembly (<see cref="GridCollection"/>).
/// </summary>
public sealed class GridCluster : IAsyncLifetime
{
    /// <summary>2026-11-28 10:00 in Zhangdian.</summary>
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));

    private static string _connectionString = "";

    public TestCluster Cluster { get; private set; } = null!;
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "creditgrid-grid-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        _connectionString = $"Data Source={Path.Combine(Folder, "grid.db")}";
        await Migrations.Apply(new Database(Options.Create(new StorageOptions { ConnectionString = _connectionString })));
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A service from the first silo's container.</summary>
    public T Service<T>() where T : notnull => (Cluster.Primary as InProcessSiloHandle ?? throw new InvalidOperationException("no in-process silo")).SiloHost.Services.GetRequiredService<T>();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = _connectionString,
                ["Scheduling:SweepSeconds"] = "3600",
            }).Build();
            silo.AddCreditGridSilo(configuration);
            silo.Services.AddSingleton(new CreditGrid.Core.Grid.GridClock(Clock));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.AddMemoryStreams(GridStreams.Provider);
    }
}
