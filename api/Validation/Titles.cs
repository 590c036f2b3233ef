using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>The title of a problem by its status, in Chinese (default) and English.</summary>
public static class Titles
{
    public static Bilingual Of(int status) => status switch
    {
        StatusCodes.Status400BadRequest => new("请求格式错误", "The request is malformed"),
        StatusCodes.Status401Unauthorized => new("需要有效的 API 密钥", "A valid API key is required"),
        StatusCodes.Status403Forbidden => new("无权操作", "Forbidden"),
        StatusCodes.Status404NotFound => new("未找到", "Not found"),
        StatusCodes.Status405MethodNotAllowed => new("不支持该请求方法", "Method not allowed"),
        StatusCodes.Status408RequestTimeout => new("请求体超时", "Request body timed out"),
        StatusCodes.Status409Conflict => new("冲突", "Conflict"),
        StatusCodes.Status413PayloadTooLarge => new("请求体过大", "The body is too large"),
        StatusCodes.Status415UnsupportedMediaType => new("不支持的媒体类型", "Unsupported media type"),
        StatusCodes.Status422UnprocessableEntity => new("违反业务规则", "The request breaks a rule"),
        StatusCodes.Status429TooManyRequests => new("请求过于频繁", "Too many requests"),
        StatusCodes.Status503ServiceUnavailable => new("服务暂不可用", "Service temporarily unavailable"),
        >= 500 => new("服务器内部错误", "Internal server error"),
        _ => new("请求错误", "Request error"),
    };
}
