using System.Threading.RateLimiting;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// http-api "Authentication and roles", rate limits per client address, each configurable:
/// RateLimits:PublicPerMinute (complaints, reviews; default 10), RateLimits:PublicSearchPerMinute (public lookup and
/// tracking-code reads; default 120), RateLimits:AnonymousReadsPerMinute (other anonymous GETs; default 600) and
/// RateLimits:ComplaintsPerMerchantPerDay (default 3) and RateLimits:ReviewsPerMerchantPerDay (default 1), counted by the merchant grain. A caller with a valid key is not
/// limited on reads. /healthz, /readyz, /openapi/v1.json and static assets carry no policy. 429 is a Chinese problem
/// document, an HTML page on the browser routes under /m/ and /credit.
/// </summary>
public static class PublicLimits
{
    public const string Policy = "public-writes";
    public const string AnonymousReads = "anonymous-reads";
    /// <summary>For the public lookup and tracking-code reads of the portal (none is mapped in this version).</summary>
    public const string PublicSearch = "public-search";

    public static IServiceCollection AddCreditGridRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var writes = configuration.GetValue("RateLimits:PublicPerMinute", 10);
        var reads = configuration.GetValue("RateLimits:AnonymousReadsPerMinute", 600);
        var searches = configuration.GetValue("RateLimits:PublicSearchPerMinute", 120);
        services.AddSingleton(new ComplaintLimit(configuration.GetValue("RateLimits:ComplaintsPerMerchantPerDay", ComplaintLimit.Default)));
        services.AddSingleton(new ReviewLimit(configuration.GetValue("RateLimits:ReviewsPerMerchantPerDay", ReviewLimit.Default)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, http => PerAddress(http, writes));
            o.AddPolicy(AnonymousReads, http => Anonymous(http, reads));
            o.AddPolicy(PublicSearch, http => Anonymous(http, searches));
            o.OnRejected = (context, _) =>
            {
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var detail = policy switch
                {
                    Policy => $"同一地址每分钟最多提交{writes}次投诉、评价或申请，请稍后再试。",
                    PublicSearch => $"同一地址每分钟最多查询{searches}次，请稍后再试。",
                    _ => $"同一地址每分钟最多访问{reads}次，请稍后再试。",
                };
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(TooMany(detail).ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    /// <summary>429 as the contract writes it: an HTML page for the browser pages under /m/, else a Chinese problem document.</summary>
    public static IResult TooMany(string detail) => new TooManyResult(detail);

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>Reads with a valid key are not anonymous (authentication runs before the limiter).</summary>
    private static RateLimitPartition<string> Anonymous(HttpContext http, int perMinute) =>
        http.User.Identity?.IsAuthenticated == true ? RateLimitPartition.GetNoLimiter("keyed") : PerAddress(http, perMinute);

    private sealed class TooManyResult(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            var path = http.Request.Path.Value ?? "";
            if ((path.StartsWith("/m/", StringComparison.Ordinal) || path.StartsWith("/credit", StringComparison.Ordinal)) && !path.EndsWith(".png", StringComparison.Ordinal) && !path.EndsWith(".pdf", StringComparison.Ordinal))
                return Results.Content(
                    $"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>请求过于频繁</title><h1>请求过于频繁</h1><p>{System.Net.WebUtility.HtmlEncode(detail)}</p></html>",
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
            return Results.Problem(title: "请求过于频繁", detail: detail, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        }
    }
}
