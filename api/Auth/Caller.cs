using System.Security.Claims;

namespace CreditGrid.Api.Auth;

/// <summary>Who is calling: the key's department and roles (the department never comes from a body).</summary>
public sealed record Caller(string KeyId, string Department, IReadOnlySet<string> Roles)
{
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) ?? "anonymous",
        user.FindFirstValue(ApiKeyAuthentication.DepartmentClaim) ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());

    public bool Is(string role) => Roles.Contains(role);

    public bool IsAny(params string[] roles) => roles.Any(Roles.Contains);

    /// <summary>The role the caller acts in, for the audit log.</summary>
    public string MainRole(params string[] preferred) => preferred.FirstOrDefault(Roles.Contains) ?? Roles.FirstOrDefault() ?? "";
}
