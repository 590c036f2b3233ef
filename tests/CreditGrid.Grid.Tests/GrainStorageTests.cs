using CreditGrid.Silo.Grains;
using CreditGrid.Silo.Hosting;
using CreditGrid.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;

namespace CreditGrid.Grid.Tests;

/// <summary>
/// The SQLite grain storage with group commit, as the silo registers it: the stock provider's contract (ETags,
/// conflicts, clear) must hold when many writes share one transaction and many reads share one query. The grouped
/// reads are checked on PostgreSQL as well, over a database of their own (<see cref="PostgresStore"/>).
/// </summary>
[Collection(GridCollection.Name)]
public class GrainStorageTests(GridCluster grid, PostgresStore postgres) : IClassFixture<PostgresStore>
{
    private IGrainStorage Storage => grid.Service<IServiceProvider>().GetRequiredKeyedService<IGrainStorage>(StorageExtensions.GrainStorage);

    private static GrainId Id(string key) => GrainId.Create("enterprise", "enterprise:" + key);

    private static Dossier Named(string name) => new() { Name = name, Exists = true, Version = 1 };

    [Fact]
    public void The_silo_uses_the_group_commit_storage_on_sqlite() =>
        Assert.IsType<GroupCommitGrainStorage>(Storage);

    [Fact]
    public async Task A_written_state_reads_back_with_its_version_and_a_stale_etag_is_refused()
    {
        var id = Id(Guid.NewGuid().ToString("N"));
        var first = new GrainState<Dossier>(Named("甲"));
        await Storage.WriteStateAsync("enterprise", id, first);
        Assert.Equal("1", first.ETag);
        Assert.True(first.RecordExists);

        var read = new GrainState<Dossier>(new Dossier());
        await Storage.ReadStateAsync("enterprise", id, read);
        Assert.Equal("甲", read.State!.Name);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);

        read.State!.Name = "乙";
        await Storage.WriteStateAsync("enterprise", id, read);
        Assert.Equal("2", read.ETag);

        // The first copy still holds ETag 1: its write must fail and change nothing.
        first.State!.Name = "丙";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("enterprise", id, first));
        var again = new GrainState<Dossier>(new Dossier());
        await Storage.ReadStateAsync("enterprise", id, again);
        Assert.Equal("乙", again.State!.Name);
        Assert.Equal("2", again.ETag);

        // A writer that believes no row exists (ETag null) must not overwrite one.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("enterprise", id, new GrainState<Dossier>(Named("丁"))));
    }

    [Fact]
    public async Task A_never_written_state_reads_as_new_and_clear_keeps_the_version_moving()
    {
        var id = Id(Guid.NewGuid().ToString("N"));
        var state = new GrainState<Dossier>(new Dossier());
        await Storage.ReadStateAsync("enterprise", id, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Null(state.State!.Name);

        state.State = Named("戊");
        await Storage.WriteStateAsync("enterprise", id, state);
        await Storage.ClearStateAsync("enterprise", id, state);
        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);

        var read = new GrainState<Dossier>(Named("stale"));
        await Storage.ReadStateAsync("enterprise", id, read);
        Assert.Null(read.State!.Name);
        Assert.Equal("2", read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task One_conflict_among_many_grouped_writes_fails_alone()
    {
        var conflicted = Id(Guid.NewGuid().ToString("N"));
        var holder = new GrainState<Dossier>(Named("先"));
        await Storage.WriteStateAsync("enterprise", conflicted, holder);
        var stale = new GrainState<Dossier>(Named("后")) { ETag = "7" };

        var others = Enumerable.Range(0, 300).Select(i => (Id: Id($"{Guid.NewGuid():N}-{i}"), State: new GrainState<Dossier>(Named($"商户{i}")))).ToList();
        var writes = others.Select(o => Storage.WriteStateAsync("enterprise", o.Id, o.State)).ToList();
        var bad = Storage.WriteStateAsync("enterprise", conflicted, stale);
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => bad);

        foreach (var (id, state) in others)
        {
            Assert.Equal("1", state.ETag);
            var read = new GrainState<Dossier>(new Dossier());
            await Storage.ReadStateAsync("enterprise", id, read);
            Assert.Equal(state.State!.Name, read.State!.Name);
        }
        var kept = new GrainState<Dossier>(new Dossier());
        await Storage.ReadStateAsync("enterprise", conflicted, kept);
        Assert.Equal("先", kept.State!.Name);
    }

    [Fact]
    public async Task Rows_are_the_stock_providers_rows_under_the_service_id()
    {
        var key = Guid.NewGuid().ToString("N");
        await Storage.WriteStateAsync("enterprise", Id(key), new GrainState<Dossier>(Named("己")));
        var database = grid.Service<Database>();
        await using var connection = await database.Open();
        await using var command = Database.Command(connection,
            "SELECT ServiceId, GrainIdN0, GrainIdN1, Version FROM OrleansGrainState WHERE GrainTypeString = 'enterprise' AND GrainIdExtensionString = @key",
            null, ("@key", "enterprise:" + key));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(grid.Service<Microsoft.Extensions.Options.IOptions<ClusterOptions>>().Value.ServiceId, reader.GetString(0));
        Assert.Equal(0, Database.Long(reader, 1));
        Assert.Equal(0, Database.Long(reader, 2));
        Assert.Equal(1, Database.Long(reader, 3));
    }

    [Fact]
    public async Task Rows_written_as_json_before_the_binary_format_still_read_and_turn_binary_at_the_next_write()
    {
        var key = Guid.NewGuid().ToString("N");
        var legacy = grid.Service<IGrainStorageSerializer>().Serialize(Named("旧格式")).ToArray();
        Assert.Equal((byte)'{', legacy[0]);
        var database = grid.Service<Database>();
        var serviceId = grid.Service<Microsoft.Extensions.Options.IOptions<ClusterOptions>>().Value.ServiceId;
        await database.Write(async (connection, tx) =>
        {
            await using var insert = Database.Command(connection, """
                INSERT INTO OrleansGrainState (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version, ModifiedOnUnixMs)
                VALUES (@service, 'enterprise', 0, 0, @key, @payload, 5, 0)
                """, tx, ("@service", serviceId), ("@key", "enterprise:" + key), ("@payload", legacy));
            await insert.ExecuteNonQueryAsync();
        });

        var read = new GrainState<Dossier>(new Dossier());
        await Storage.ReadStateAsync("enterprise", Id(key), read);
        Assert.Equal("旧格式", read.State!.Name);
        Assert.Equal("5", read.ETag);

        await Storage.WriteStateAsync("enterprise", Id(key), read);
        await using var connection = await database.Open();
        await using var select = Database.Command(connection,
            "SELECT PayloadBinary FROM OrleansGrainState WHERE GrainTypeString = 'enterprise' AND GrainIdExtensionString = @key", null, ("@key", "enterprise:" + key));
        var stored = (byte[])(await select.ExecuteScalarAsync())!;
        Assert.NotEqual((byte)'{', stored[0]);
        Assert.True(stored.Length < legacy.Length / 2, $"binary {stored.Length} B vs JSON {legacy.Length} B");
        var again = new GrainState<Dossier>(new Dossier());
        await Storage.ReadStateAsync("enterprise", Id(key), again);
        Assert.Equal("旧格式", again.State!.Name);
        Assert.Equal("6", again.ETag);
    }

    [Fact]
    public async Task Many_concurrent_reads_of_new_stored_and_cleared_keys_answer_each_its_own_state_on_sqlite() =>
        await GroupedReadChecks.Many_concurrent_reads_answer_each_its_own_state((GroupCommitGrainStorage)Storage);

    [Fact]
    public async Task Many_concurrent_reads_of_new_stored_and_cleared_keys_answer_each_its_own_state_on_postgres() =>
        await GroupedReadChecks.Many_concurrent_reads_answer_each_its_own_state(OnPostgres());

    [Fact]
    public async Task A_cleared_row_reads_as_fresh_with_its_version_on_postgres()
    {
        var storage = OnPostgres();
        var id = Id(Guid.NewGuid().ToString("N"));
        var state = new GrainState<Dossier>(Named("庚"));
        await storage.WriteStateAsync("enterprise", id, state);
        var written = state.ETag;
        await storage.ClearStateAsync("enterprise", id, state);
        Assert.NotEqual(written, state.ETag);

        var read = new GrainState<Dossier>(Named("stale"));
        await storage.ReadStateAsync("enterprise", id, read);
        Assert.Null(read.State!.Name);
        Assert.Equal(state.ETag, read.ETag);
        Assert.False(read.RecordExists);
        // The kept row takes a write guarded by the clear's version, as with the stock provider.
        read.State = Named("辛");
        await storage.WriteStateAsync("enterprise", id, read);
        var again = new GrainState<Dossier>(new Dossier());
        await storage.ReadStateAsync("enterprise", id, again);
        Assert.Equal("辛", again.State!.Name);
        Assert.True(again.RecordExists);
    }

    [Fact]
    public async Task The_postgres_pool_skips_the_session_reset_unless_the_connection_string_names_it()
    {
        Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(postgres.Database.ConnectionString).NoResetOnClose);
        var own = Database.Normalise(new StorageOptions { Provider = "postgres", ConnectionString = postgres.ConnectionString + ";No Reset On Close=false" });
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(own).NoResetOnClose);

        // Nothing session-scoped rides back into the pool: the schema lock of a migration run is gone once it returns.
        await Migrations.Apply(postgres.Database);
        await using var connection = await postgres.Database.Open();
        await using var locks = Database.Command(connection, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 2021120087 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        Assert.Equal(0L, Convert.ToInt64(await locks.ExecuteScalarAsync()));
    }

    private GroupCommitGrainStorage OnPostgres() => new(postgres.Database, grid.Service<GrainStateFormat>(), "grid-tests-postgres");
}
