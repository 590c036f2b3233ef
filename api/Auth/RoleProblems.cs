using CreditGrid.Api.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Auth;

/// <summary>
/// 401 and 403 as problem details that say what is needed (http-api "Authentication and roles"): which header, and
/// which roles the operation takes, named from the endpoint's own policy; 403 also names the caller's department and
/// roles. In Chinese by default, English with Accept-Language: en.
/// </summary>
public sealed class RoleProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        // A policy with its own schemes (the Orleans dashboard's sign-in cookie) challenges as its scheme does: a redirect to its sign-in page.
        if (result.Succeeded || policy.AuthenticationSchemes.Count > 0) return _default.HandleAsync(next, http, policy, result);
        var roles = RolesOf(policy);
        var need = new Bilingual(
            roles.Count == 0 ? "" : $"该操作需要以下角色之一：{string.Join("、", roles.Select(Roles.Describe))}。",
            roles.Count == 0 ? "" : $"This operation needs one of the roles: {string.Join(", ", roles)}.");
        ApiProblem problem;
        if (result.Challenged)
        {
            var presented = http.Request.Headers.ContainsKey(ApiKeyAuthentication.Header);
            problem = new ApiProblem(StatusCodes.Status401Unauthorized, new(
                (presented ? "X-Api-Key 中的密钥无效。" : "缺少 API 密钥：请在请求头 X-Api-Key 中提供。") + need.Zh,
                (presented ? "The key in X-Api-Key is not known." : "No API key: send one in the X-Api-Key header.") + (need.En.Length > 0 ? " " + need.En : "")));
            http.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthentication.SchemeName} header=\"{ApiKeyAuthentication.Header}\"";
        }
        else
        {
            var caller = Caller.From(http.User);
            var has = caller.Roles.Count == 0 ? "" : string.Join("、", caller.Roles.Order());
            problem = new ApiProblem(StatusCodes.Status403Forbidden, new(
                $"{need.Zh}当前密钥（{caller.Department}）的角色：{(has.Length > 0 ? has : "无")}。",
                $"{need.En} This key ({caller.Department}) has the roles: {(has.Length > 0 ? has.Replace("、", ", ") : "none")}."));
        }
        http.Response.StatusCode = problem.StatusCode;
        return problem.ExecuteAsync(http);
    }

    /// <summary>The roles any one of which satisfies the policy (the role matrix of <see cref="Policies"/>).</summary>
    public static IReadOnlyList<string> RolesOf(AuthorizationPolicy policy) =>
        [.. policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct()];
}
