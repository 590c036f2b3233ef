using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CreditGrid.Core.Street;

/// <summary>
/// RateLimits:ReviewsPerMerchantPerDay (default 1; issue 15 item 6): reviews one address may give one merchant in a
/// day, so one phone cannot move the 示范店 ranking (§7 orders red merchants by average rating). The merchant grain
/// counts them in its own persisted state, written with the review itself, so the cap holds across restarts and silos.
/// The address is kept only as an opaque hash, never shown.
/// </summary>
public sealed record ReviewLimit(int PerMerchantPerDay)
{
    public const int Default = 1;

    public static string? SourceOf(IPAddress? address) =>
        address is null ? null : "r-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("review-source|" + address)))[..16].ToLowerInvariant();
}

/// <summary>A consumer review as submitted: 1-5 stars, optional text, the hashed address and its daily cap.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewSubmission(
    [property: Id(0)] int Stars,
    [property: Id(1)] string? Text,
    [property: Id(2)] string? Source,
    [property: Id(3)] int PerSourcePerDay);

/// <summary>How many reviews one address gave one merchant on one day.</summary>
[GenerateSerializer, Immutable]
public sealed record ReviewTally([property: Id(0)] DateOnly Day, [property: Id(1)] int Count);
