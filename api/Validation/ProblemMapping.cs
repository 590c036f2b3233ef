using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>
/// The one exception-to-problem mapping of the API (issue 14): a handler throws <see cref="Invalid"/> (400/422 naming
/// the field), <see cref="JsonBody.TooLarge"/> (413) or <see cref="JsonBody.UnsupportedMediaType"/> (415) and this
/// writes the problem in the caller's language. Store outages (503 with Retry-After) and broken bodies are mapped by
/// the silo's own handlers (silo/Hosting/StoreFailures.cs, RequestBodyFailures.cs), which run after this one.
/// </summary>
public sealed class ProblemMapping : IExceptionHandler
{
    public static ApiProblem? ProblemOf(Exception exception) => exception switch
    {
        Invalid invalid => invalid.ToResult(),
        JsonBody.TooLarge tooLarge => new ApiProblem(StatusCodes.Status413PayloadTooLarge, tooLarge.Text),
        JsonBody.UnsupportedMediaType unsupported => new ApiProblem(StatusCodes.Status415UnsupportedMediaType, unsupported.Text),
        _ => null,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (ProblemOf(exception) is not { } problem || http.Response.HasStarted) return false;
        http.Response.StatusCode = problem.StatusCode;
        await problem.ExecuteAsync(http);
        return true;
    }
}
