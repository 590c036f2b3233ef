namespace CreditGrid.Core.Portal;

/// <summary>
/// What the 信用张店 portal reads from the durable projections (architecture "Projections"): the street colour of the
/// merchants among a page of enterprises (subject_summary), and the 诚信红黑榜 (public_list).
/// </summary>
public interface IPublicDirectory
{
    /// <summary>The street colour of each id that is also a merchant (same code, §1).</summary>
    Task<IReadOnlyDictionary<string, string>> MerchantColors(IReadOnlyCollection<string> ids, CancellationToken ct = default);
}
