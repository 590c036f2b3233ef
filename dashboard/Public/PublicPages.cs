using Microsoft.AspNetCore.Http;

namespace CreditGrid.Dashboard.Public;

/// <summary>The small Chinese pages the public merchant routes answer with when there is no merchant page to show.</summary>
public static class PublicPages
{
    public static IResult NotFound() => Page(StatusCodes.Status404NotFound, "未找到", "未找到该商户。");

    /// <summary>http-api: 429 is an HTML page for browser forms.</summary>
    public static IResult TooMany(string detail) => Page(StatusCodes.Status429TooManyRequests, "请求过于频繁", detail);

    private static IResult Page(int status, string title, string text) => Portal.PortalLayout.Message(status, title, text);
}
