using CreditGrid.Core.Grid;
using CreditGrid.Core.Merchants;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Grains;

[GenerateSerializer]
public sealed partial class StreetState
{
    [Id(0)] public Dictionary<string, MerchantTile> Tiles { get; set; } = [];

    /// <summary>The 诚信经营示范店 as last ranked, with the day each entered the top 10 (red list, StreetState.Exemplary.cs).</summary>
    [Id(1)] public List<ExemplaryEntry> Exemplary { get; set; } = [];
}

/// <summary>
/// One street's board (L3336-L3338), updated by its merchants on every change: counts, targets and the 示范店 ranking
/// come from the tiles it holds, never from a scan of merchant grains. Board pushes are coalesced (one per 100 ms).
/// </summary>
public sealed class StreetGrain([PersistentState("street", "credit")] IPersistentState<StreetState> state, GridClock clock) : Grain, IStreetGrain
{
    private static readonly TimeSpan PushDelay = TimeSpan.FromMilliseconds(100);
    private IGrainTimer? _push;

    /// <summary>A street stored before the 示范店 joined the red list gets its top 10 projected once (docs/portal.md).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Tiles.Count > 0 && state.State.Rank(this.GetPrimaryKeyString(), clock.Today)) await state.WriteStateAsync();
    }

    public async Task Update(MerchantTile tile)
    {
        if (state.State.Tiles.TryGetValue(tile.MerchantId, out var known) && known == tile) return;
        state.State.Tiles[tile.MerchantId] = tile;
        // The red list's 示范店 rows go with this write; only a red tile or one of the top 10 can change the ranking.
        if (tile.Color == MerchantColor.Red || state.State.Exemplary.Exists(e => e.MerchantId == tile.MerchantId))
            state.State.Rank(this.GetPrimaryKeyString(), clock.Today);
        await state.WriteStateAsync();
        _push ??= this.RegisterGrainTimer(PushBoard, new GrainTimerCreationOptions(PushDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    public Task<StreetBoard> Board() => Task.FromResult(Ranking.Board(this.GetPrimaryKeyString(), state.State.Tiles.Values));

    public Task<IReadOnlyList<ExemplaryMerchant>> Exemplary() => Task.FromResult(Ranking.Exemplary(state.State.Tiles.Values));

    public Task<IReadOnlyList<string>> MerchantIds() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Tiles.Keys]);

    /// <summary>boardChanged: the state is already written, so the push follows a durable change.</summary>
    private async Task PushBoard(CancellationToken ct)
    {
        _push?.Dispose();
        _push = null;
        await this.GetStreamProvider(GridStreams.Provider)
            .GetStream<StreetBoard>(StreamId.Create(GridStreams.Boards, GridStreams.AllBoards))
            .Announce(Ranking.Board(this.GetPrimaryKeyString(), state.State.Tiles.Values)); // dropped → bridges resync
    }
}

[GenerateSerializer]
public sealed class StreetDirectoryState
{
    [Id(0)] public SortedSet<string> Streets { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public HashSet<string> Merchants { get; set; } = [];
    /// <summary>Merchant codes were added to the directory later: a directory from before rebuilds them once from the boards.</summary>
    [Id(2)] public bool HasMerchantCodes { get; set; }
}

/// <summary>One directory for the grid: a few thousand street merchants fit in one grain, and its reads interleave.</summary>
public sealed class StreetDirectoryGrain([PersistentState("streets", "credit")] IPersistentState<StreetDirectoryState> state) : Grain, IStreetDirectoryGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.HasMerchantCodes) return;
        foreach (var street in state.State.Streets)
            state.State.Merchants.UnionWith(await GrainFactory.GetGrain<IStreetGrain>(street).MerchantIds());
        state.State.HasMerchantCodes = true;
        await state.WriteStateAsync();
    }

    public async Task AddMerchant(string street, string merchantId)
    {
        var changed = state.State.Streets.Add(street);
        changed |= state.State.Merchants.Add(merchantId);
        if (changed) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> Streets() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Streets]);

    public Task<bool> HasStreet(string street) => Task.FromResult(state.State.Streets.Contains(street));

    public Task<bool> HasMerchant(string merchantId) => Task.FromResult(state.State.Merchants.Contains(merchantId));
}
