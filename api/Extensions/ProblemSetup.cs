using CreditGrid.Api.Auth;
using CreditGrid.Api.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Extensions;

/// <summary>
/// Problem details everywhere (http-api Conventions): the exception mapping of the API, 401/403 naming the roles, and
/// the problems ASP.NET writes itself (unknown path, wrong method, a malformed route or query value) in the caller's
/// language without the framework's English text.
/// </summary>
public static class ProblemSetup
{
    public static IServiceCollection AddCreditGridProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var status = c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode;
            if (c.ProblemDetails.Detail is not null) return; // written by the API itself, already in the chosen language
            var english = Language.WantsEnglish(c.HttpContext);
            c.HttpContext.Response.Headers.ContentLanguage = Language.Tag(english);
            c.ProblemDetails.Title = Titles.Of(status).In(english);
            c.ProblemDetails.Detail = status switch
            {
                StatusCodes.Status404NotFound => english ? "There is no such address." : "没有这个地址。",
                StatusCodes.Status405MethodNotAllowed => english ? "This address does not take that method." : "该地址不支持此请求方法。",
                StatusCodes.Status400BadRequest => english ? "A route or query value is malformed." : "路径或查询参数的格式错误。",
                _ => Titles.Of(status).In(english) + (english ? "." : "。"),
            };
        });
        services.AddExceptionHandler<ProblemMapping>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RoleProblems>();
        return services;
    }
}
