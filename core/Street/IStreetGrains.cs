using CreditGrid.Core.Grid;
using Orleans.Concurrency;

namespace CreditGrid.Core.Street;

/// <summary>One pilot street's board, maintained incrementally from its merchants' changes (no scan per request).</summary>
public interface IStreetGrain : IGrainWithStringKey
{
    Task Update(MerchantTile tile);
    [ReadOnly] Task<StreetBoard> Board();
    [ReadOnly] Task<IReadOnlyList<ExemplaryMerchant>> Exemplary();
    /// <summary>The merchants on the board, to rebuild the directory of a grid that predates it.</summary>
    [ReadOnly] Task<IReadOnlyList<string>> MerchantIds();
}

/// <summary>
/// The streets that have merchants and the registered merchant codes: anonymous reads ask here before they touch a
/// street or merchant grain, so random ids answer 404 without activating anything (issue 11 item 12).
/// </summary>
public interface IStreetDirectoryGrain : IGrainWithIntegerKey
{
    Task AddMerchant(string street, string merchantId);
    [ReadOnly] Task<IReadOnlyList<string>> Streets();
    [ReadOnly] Task<bool> HasStreet(string street);
    [ReadOnly] Task<bool> HasMerchant(string merchantId);
}

/// <summary>Outcome of a merchant command (done, not found, not the caller's, conflict, rule broken, too many), plus an id it made.</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantCommandResult(
    [property: Id(0)] Outcome Outcome,
    [property: Id(1)] string? CreatedId = null,
    [property: Id(2)] bool Created = true)
{
    public bool Found => Outcome.Kind != OutcomeKind.NotFound;
}

public static class StreetDirectory
{
    /// <summary>Whether a merchant of that code is registered, asked of the directory so an unknown code activates nothing.</summary>
    public static Task<bool> IsMerchant(this IGrainFactory grains, string merchantId) =>
        grains.GetGrain<IStreetDirectoryGrain>(0).HasMerchant(merchantId);
}
