using CreditGrid.Silo.Grains;
using CreditGrid.Silo.Storage;
using Orleans.Storage;

namespace CreditGrid.Grid.Tests;

/// <summary>
/// The grouped grain-state reads (issue 16) checked against a real store, the same way on SQLite and PostgreSQL:
/// many reads at once of stored, cleared, never-written and repeated keys, each answered with its own state and ETag.
/// </summary>
public static class GroupedReadChecks
{
    private static GrainId Id(string key) => GrainId.Create("enterprise", "enterprise:" + key);

    public static async Task Many_concurrent_reads_answer_each_its_own_state(GroupCommitGrainStorage storage)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var stored = Enumerable.Range(0, 120).Select(i => (Id: Id($"{run}-s{i}"), State: new GrainState<Dossier>(new Dossier { Name = $"商户{i}", Exists = true, Version = 1 }))).ToList();
        await Task.WhenAll(stored.Select(s => storage.WriteStateAsync("enterprise", s.Id, s.State)));
        var cleared = Enumerable.Range(0, 40).Select(i => (Id: Id($"{run}-c{i}"), State: new GrainState<Dossier>(new Dossier { Name = $"注销{i}", Exists = true, Version = 1 }))).ToList();
        await Task.WhenAll(cleared.Select(c => storage.WriteStateAsync("enterprise", c.Id, c.State)));
        await Task.WhenAll(cleared.Select(c => storage.ClearStateAsync("enterprise", c.Id, c.State)));
        var fresh = Enumerable.Range(0, 200).Select(i => Id($"{run}-n{i}")).ToList();

        // Every kind mixed, stored keys asked twice (two activations racing ask the same key in one batch).
        var asks = stored.Select(s => (s.Id, Kind: "stored", Expected: s.State.State!.Name, ETag: s.State.ETag))
            .Concat(stored.Select(s => (s.Id, Kind: "stored", Expected: s.State.State!.Name, ETag: s.State.ETag)))
            .Concat(cleared.Select(c => (c.Id, Kind: "cleared", Expected: (string?)null, ETag: c.State.ETag)))
            .Concat(fresh.Select(id => (Id: id, Kind: "new", Expected: (string?)null, ETag: (string?)null)))
            .OrderBy(_ => Random.Shared.Next()).ToList();
        var before = storage.ReadCounts;
        var reads = asks.Select(a => (Ask: a, State: new GrainState<Dossier>(new Dossier { Name = "stale" }))).ToList();
        await Task.WhenAll(reads.Select(r => storage.ReadStateAsync("enterprise", r.Ask.Id, r.State)));
        var after = storage.ReadCounts;

        foreach (var (ask, state) in reads)
        {
            Assert.Equal(ask.Expected, state.State!.Name);
            Assert.Equal(ask.ETag, state.ETag);
            Assert.Equal(ask.Kind == "stored", state.RecordExists);
            if (ask.Kind == "cleared") Assert.NotNull(state.ETag); // cleared but kept: fresh state, the clear's version
        }
        Assert.Equal(asks.Count, after.Reads - before.Reads);
        Assert.True(after.Batches - before.Batches < asks.Count / 4, $"{after.Batches - before.Batches} batches for {asks.Count} reads");

        // A read after a write sees the write: nothing is cached between batches.
        var first = stored[0];
        first.State.State!.Name = "改名";
        await storage.WriteStateAsync("enterprise", first.Id, first.State);
        var again = new GrainState<Dossier>(new Dossier());
        await storage.ReadStateAsync("enterprise", first.Id, again);
        Assert.Equal("改名", again.State!.Name);
        Assert.Equal(first.State.ETag, again.ETag);
    }
}
