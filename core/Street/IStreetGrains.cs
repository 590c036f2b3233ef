using CreditGrid.Core.Grid;
using Orleans.Concurrency;

namespace CreditGrid.Core.Street;

/// <summary>One pilot street's board, maintained incrementally from its merchants' changes (no scan per request).</summary>
public interface IStreetGrain : IGrainWithStringKey
{
    Task Update(MerchantTile tile);
    [ReadOnly] Task<StreetBoard> Board();
    [ReadOnly] Task<IReadOnlyList<ExemplaryMerchant>> Exemplary();
}

/// <summary>The list of streets that have merchants.</summary>
public interface IStreetDirectoryGrain : IGrainWithIntegerKey
{
    Task Add(string street);
    [ReadOnly] Task<IReadOnlyList<string>> Streets();
}

/// <summary>Outcome of a merchant command: found, or an error for the caller (409/422), plus an id it made.</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantCommandResult(
    [property: Id(0)] bool Found,
    [property: Id(1)] int? ErrorStatus,
    [property: Id(2)] string? Error,
    [property: Id(3)] string? CreatedId = null,
    [property: Id(4)] bool Created = true);
