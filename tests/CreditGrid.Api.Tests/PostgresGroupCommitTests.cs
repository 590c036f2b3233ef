using CreditGrid.Silo.Grains;
using CreditGrid.Silo.Hosting;
using CreditGrid.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace CreditGrid.Api.Tests;

/// <summary>
/// The set-based group commit on real PostgreSQL (issue 16, silo/Storage/PostgresGroupCommit.cs): one statement per
/// table for a whole group, yet a stale ETag fails alone and its projection rows are not written.
/// </summary>
public class PostgresGroupCommitTests(PostgresGridHost grid) : IClassFixture<PostgresGridHost>
{
    private IGrainStorage Storage => grid.Service<IServiceProvider>().GetRequiredKeyedService<IGrainStorage>(StorageExtensions.GrainStorage);

    private static string NewKey() => GridHost.NewEnterpriseId();

    private static GrainId Id(string enterprise) => GrainId.Create("enterprise", "enterprise:" + enterprise);

    private static Dossier Named(string name, int score) =>
        new() { Name = name, Exists = true, Version = 1, Published = new PublishedEvaluation(score, "A", null, new DateOnly(2026, 11, 28)) };

    [Fact]
    public async Task One_stale_etag_among_three_hundred_grouped_writes_fails_alone_and_leaves_no_summary_row()
    {
        var conflicted = NewKey();
        var holder = new GrainState<Dossier>(Named("先到公司", 1000));
        await Storage.WriteStateAsync("enterprise", Id(conflicted), holder);
        var stale = new GrainState<Dossier>(Named("后到公司", 600)) { ETag = holder.ETag + "0" };
        var fresh = NewKey(); // a first write (ETag none) beside updates in the same group
        var firstWrite = new GrainState<Dossier>(Named("新公司", 990));

        var others = new List<(string Key, GrainState<Dossier> State)>();
        for (var i = 0; i < 300; i++)
        {
            var key = NewKey();
            var state = new GrainState<Dossier>(Named($"企业{i}", 900 + i % 100));
            await Storage.WriteStateAsync("enterprise", Id(key), state);
            state.State!.Name = $"企业{i}（改名）";
            others.Add((key, state));
        }
        var before = grid.Service<Database>().GroupCounts;
        var writes = others.Select(o => Storage.WriteStateAsync("enterprise", Id(o.Key), o.State)).ToList();
        var bad = Storage.WriteStateAsync("enterprise", Id(conflicted), stale);
        writes.Add(Storage.WriteStateAsync("enterprise", Id(fresh), firstWrite));
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<InconsistentStateException>(() => bad);
        var after = grid.Service<Database>().GroupCounts;
        Assert.True(after.SetBased > before.SetBased, "no group of several writes was committed set-based");
        Assert.Equal(before.Retried, after.Retried); // the stale write failed inside its group: nothing fell back to one by one

        foreach (var (key, state) in others)
        {
            var read = new GrainState<Dossier>(new Dossier());
            await Storage.ReadStateAsync("enterprise", Id(key), read);
            Assert.Equal(state.State!.Name, read.State!.Name);
            Assert.Equal(state.ETag, read.ETag);
            Assert.Equal((state.State.Name, state.State.Published!.Score), await SummaryOf(key));
        }
        Assert.Equal(("新公司", 990), await SummaryOf(fresh));
        var kept = new GrainState<Dossier>(new Dossier());
        await Storage.ReadStateAsync("enterprise", Id(conflicted), kept);
        Assert.Equal("先到公司", kept.State!.Name);
        Assert.Equal(("先到公司", 1000), await SummaryOf(conflicted)); // the stale write's summary row was not written
    }

    [Fact]
    public async Task Due_work_rows_of_many_grains_set_and_cleared_in_shared_groups_keep_each_grains_last_answer()
    {
        var due = grid.Service<IDueWork>();
        var keys = Enumerable.Range(0, 60).Select(_ => NewKey()).ToList();
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        // Each grain writes one at a time (as grains do); the grains together share groups.
        await Task.WhenAll(keys.Select(async (k, i) =>
        {
            await due.Set("enterprise", k, at);
            await due.Set("enterprise", k, i % 3 == 0 ? null : at.AddDays(1));
        }));
        var listed = (await due.Due(at.AddDays(2), 100_000)).Where(d => keys.Contains(d.Id)).Select(d => d.Id).ToHashSet();
        Assert.Equal(keys.Where((_, i) => i % 3 != 0).ToHashSet(), listed);
        var early = await due.Due(at.AddHours(1), 100_000);
        Assert.DoesNotContain(early, d => keys.Contains(d.Id));
    }

    private async Task<(string?, int?)> SummaryOf(string enterprise)
    {
        await using var connection = await grid.Service<Database>().Open();
        await using var command = Database.Command(connection, "SELECT name, score FROM subject_summary WHERE kind = 'enterprise' AND id = @id", null, ("@id", enterprise));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no summary row for {enterprise}");
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }
}
