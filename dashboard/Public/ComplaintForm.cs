using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CreditGrid.Dashboard.Public;

/// <summary>
/// Reads the complaint form of the public merchant page. A browser sends a few short fields; anything else (not a
/// form, a malformed multipart body, more than 1,024 fields, a body over 64 KiB) is refused with a Chinese page, never a
/// 500 (issue 11 item 3; http-api: errors of browser forms are HTML pages).
/// </summary>
public static class ComplaintForm
{
    public const long Limit = 64 * 1024;

    /// <summary>ASP.NET Core's own form limits, made explicit and bounded by <see cref="Limit"/>.</summary>
    private static readonly FormOptions Options = new()
    {
        ValueCountLimit = 1024,
        KeyLengthLimit = 2048,
        ValueLengthLimit = (int)Limit,
        MultipartBodyLengthLimit = Limit,
        MultipartHeadersCountLimit = 16,
        MultipartHeadersLengthLimit = 16 * 1024,
        BufferBody = false,
    };

    /// <summary>The text and contact of the form (trimmed), or the page that refuses it.</summary>
    public static async Task<(string Text, string Contact, IResult? Refusal)> Read(HttpRequest request, string merchantId)
    {
        var (form, refusal) = await ReadForm(request, merchantId);
        return form is null ? ("", "", refusal) : (form["text"].ToString().Trim(), form["contact"].ToString().Trim(), null);
    }

    /// <summary>Any form of the public merchant page (complaint, review) within the limits above, or the page that refuses it.</summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadForm(HttpRequest request, string merchantId)
    {
        if (!request.HasFormContentType)
            return (null, Page(StatusCodes.Status415UnsupportedMediaType, "请通过商户页面上的表单提交。", merchantId));
        if (request.ContentLength > Limit)
            return (null, Page(StatusCodes.Status413PayloadTooLarge, "提交的内容过长。", merchantId));
        try
        {
            return (await new FormFeature(request, Options).ReadFormAsync(request.HttpContext.RequestAborted), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            // Malformed multipart (a body that ends before its boundary is an IOException), too many fields or too long
            // a value: the request is wrong, the server is fine. A slow or broken body (BadHttpRequestException) goes on
            // to the host's RequestBodyFailureHandler, which logs it once as a warning (issue 11 item 5).
            return (null, Page(StatusCodes.Status400BadRequest, "提交的表单格式不正确，请返回页面重新填写。", merchantId));
        }
    }

    /// <summary>A refusal as a portal page (no inline style: the public pages' CSP), with the way back.</summary>
    public static IResult Page(int status, string message, string merchantId) => Portal.PortalLayout.Page("提交失败",
        $"<div class=\"plain-page\"><h1>提交失败</h1><p>{WebUtility.HtmlEncode(message)}</p><p><a href=\"/m/{Uri.EscapeDataString(merchantId)}\">返回商户页面</a></p></div>",
        status: status);
}
