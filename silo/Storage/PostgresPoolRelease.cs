using Microsoft.Extensions.Options;
using Npgsql;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// PostgreSQL: when the host has stopped (every hosted service, Orleans included, is down) the idle connections of
/// its pools are closed at once instead of after Npgsql's idle lifetime (5 minutes). A silo that stops, restarts or
/// is replaced in a rolling update gives its connections back to the server's max_connections straight away; tests
/// that start many hosts in one process rely on it too.
/// </summary>
public sealed class PostgresPoolRelease(IOptions<StorageOptions> options, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (storage.IsPostgres)
            lifetime.ApplicationStopped.Register(() =>
            {
                // The project's tables use the normalised string; Orleans' ADO.NET providers the configured one.
                foreach (var cs in new[] { Database.Normalise(storage), storage.EffectiveConnectionString }.Distinct())
                    try { using var connection = new NpgsqlConnection(cs); NpgsqlConnection.ClearPool(connection); }
                    catch (ArgumentException) { } // a string the server never accepted has no pool
            });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
