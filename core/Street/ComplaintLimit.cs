using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CreditGrid.Core.Street;

/// <summary>
/// RateLimits:ComplaintsPerMerchantPerDay (default 3): open complaints one address may file against one merchant in a
/// day (issue 11 item 13). The address is kept only as an opaque hash, beside the complaint, never shown.
/// </summary>
public sealed record ComplaintLimit(int PerMerchantPerDay)
{
    public const int Default = 3;

    public static string? SourceOf(IPAddress? address) =>
        address is null ? null : "a-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("complaint-source|" + address)))[..16].ToLowerInvariant();
}
