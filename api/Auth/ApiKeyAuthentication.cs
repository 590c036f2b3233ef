using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditGrid.Api.Auth;

/// <summary>
/// X-Api-Key (or access_token on the SignalR negotiate, since browsers cannot set headers on WebSockets).
/// No or unknown key → 401; a known key without the role → 403 (the authorization policies).
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AuthOptions> keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string DepartmentClaim = "department";
    public const string KeyIdClaim = "key-id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = Request.Headers[Header];
        if (string.IsNullOrEmpty(presented) && Request.Path.StartsWithSegments("/hubs"))
        {
            // http-api: browsers cannot set headers on WebSockets, so the hub takes the key as access_token
            // (query string, or the Bearer header SignalR clients send on the negotiate request).
            presented = Request.Query["access_token"];
            if (string.IsNullOrEmpty(presented) && Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
                presented = auth["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(presented)) return Task.FromResult(AuthenticateResult.NoResult());

        var match = keys.CurrentValue.ApiKeys.FirstOrDefault(k => k.Key.Length > 0 && FixedTimeEquals(k.Key, presented));
        if (match is null) return Task.FromResult(AuthenticateResult.Fail("unknown API key"));

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, KeyId(match.Key)),
            new(KeyIdClaim, KeyId(match.Key)),
            new(DepartmentClaim, match.Department),
        };
        claims.AddRange(match.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>A short, stable, non-secret name for a key (for the audit log).</summary>
    public static string KeyId(string key) => "key-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8].ToLowerInvariant();

    /// <summary>Whether a presented key is the configured one, in constant time (also the Orleans dashboard's sign-in).</summary>
    public static bool Matches(string configured, string presented) => FixedTimeEquals(configured, presented);

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
