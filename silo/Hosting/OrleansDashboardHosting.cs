using System.Net;
using System.Security.Claims;
using CreditGrid.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard (Microsoft.Orleans.Dashboard) at <c>/orleans/</c>, for operators only (issue 16, "Also"):
/// silos, grain activations and calls per grain type, as Orleans users expect to watch a cluster. Its page is a
/// browser application whose own requests cannot carry the X-Api-Key header, so an operator signs in once on
/// <c>/orleans-login</c> with the operator key: the key is checked like any API key and never stored; the browser keeps
/// only an HttpOnly, SameSite=Strict cookie for <c>/orleans</c> (8 hours) that says "operator". The live log view is off
/// (HideTrace), and its grain-state view (<c>/orleans/GrainState</c>, one grain's whole state by its key) is refused:
/// it would show a person's or an official's dossier without the audited read the console's subject page makes
/// (http-api "Personal data"). What remains shows counts and timings per grain type and method and per silo.
/// Off unless <c>Dashboard:Enabled=true</c>: it profiles every grain call and listens to the runtime, which cost the
/// silo ~30 % more CPU per event on the ingest benchmark (docs/orleans-dashboard.md) — for a cluster being looked into,
/// not for every pod all the time.
/// </summary>
public static class OrleansDashboardHosting
{
    public const string Path = "/orleans";
    public const string LoginPath = "/orleans-login";
    public const string Scheme = "OrleansDashboardCookie";
    public const string Policy = "orleans-dashboard";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Dashboard:Enabled", false);

    public static ISiloBuilder AddCreditGridOrleansDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (Enabled(configuration)) silo.AddDashboard(o => o.HideTrace = true);
        return silo;
    }

    public static WebApplicationBuilder AddCreditGridOrleansDashboardAuth(this WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration)) return builder;
        builder.Services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "creditgrid_orleans";
            o.Cookie.Path = Path;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = LoginPath;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Operator));
        return builder;
    }

    public static WebApplication MapCreditGridOrleansDashboard(this WebApplication app)
    {
        if (!Enabled(app.Configuration)) return app;
        app.Use((context, next) => context.Request.Path.StartsWithSegments(Path + "/GrainState", StringComparison.OrdinalIgnoreCase) ? GrainStateRefused(context) : next(context));
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Policy);
        app.MapGet(LoginPath, (string? failed, string? ReturnUrl) => LoginPage(failed is not null)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LoginPath, SignIn).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>The operator key, checked as the API checks it; only the operator role opens the dashboard.</summary>
    private static async Task<IResult> SignIn(HttpContext http, IOptionsMonitor<AuthOptions> keys)
    {
        var form = await http.Request.ReadFormAsync();
        var presented = form["key"].ToString();
        var key = keys.CurrentValue.ApiKeys.FirstOrDefault(k => k.Key.Length > 0 && ApiKeyAuthentication.Matches(k.Key, presented));
        if (key is null || !key.Roles.Contains(Roles.Operator)) return Results.Redirect(LoginPath + "?failed=1");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, ApiKeyAuthentication.KeyId(key.Key)), new Claim(ClaimTypes.Role, Roles.Operator)], Scheme);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(Path + "/");
    }

    private static Task GrainStateRefused(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("集群面板不提供单个 grain 的状态查看：主体档案含个人信息，请在值守台的主体页面查阅（查阅留痕审计）。");
    }

    private static IResult LoginPage(bool failed) => Results.Content($$"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Orleans 集群面板 · 登录</title>
        <style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;font-size:1rem}
        input{margin:.4rem 0 1rem;padding:.5rem;box-sizing:border-box}button{padding:.6rem}.err{color:#b00020}</style></head>
        <body><h1>Orleans 集群面板</h1>
        <p>查看各节点、各类 grain 的激活数与调用耗时。仅限运行值守（operator）密钥。</p>
        {{(failed ? "<p class=\"err\" role=\"alert\">密钥无效，或该密钥没有运行值守（operator）角色。</p>" : "")}}
        <form method="post" action="{{LoginPath}}"><label for="key">运行值守密钥</label>
        <input id="key" name="key" type="password" autocomplete="current-password" required>
        <button type="submit">登录</button></form>
        <p><a href="/">返回值守台</a></p></body></html>
        """, "text/html; charset=utf-8", statusCode: failed ? (int)HttpStatusCode.Unauthorized : 200);
}
