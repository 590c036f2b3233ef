using Microsoft.AspNetCore.Diagnostics;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// A client that sends its body too slowly (Kestrel's minimum data rate: "Reading the request body timed out due to
/// data arriving too slowly") or stops in the middle of it is the client's failure, not the program's: one warning line
/// without a stack, and the 408/400 Kestrel chose (issue 11 item 5). Before this every such connection left a
/// fail-level stack trace.
/// </summary>
public sealed class RequestBodyFailureHandler(ILogger<RequestBodyFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // A client gone mid-body while the request is aborted is logged by ASP.NET itself at Debug (status 499).
        if (exception is not BadHttpRequestException bad) return false;
        var status = bad.StatusCode;
        logger.LogWarning("{Method} {Path}: the request body could not be read ({Status}): {Reason}", http.Request.Method, http.Request.Path.Value, status, bad.Message);
        if (http.Response.HasStarted) return true;
        var english = http.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var (title, detail) = status == StatusCodes.Status408RequestTimeout
            ? english ? ("Request body timed out", "The request body arrived too slowly.") : ("请求体超时", "请求体到达过慢，已停止读取。")
            : english ? ("The request is malformed", "The request body could not be read.") : ("请求格式错误", "无法读取请求体。");
        http.Response.StatusCode = status;
        await Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(http);
        return true;
    }
}
