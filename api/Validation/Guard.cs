using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>
/// Kept so code written against the old per-endpoint wrapper still compiles: it now only runs the handler. The
/// exceptions a handler throws are mapped to problems in one place, <see cref="ProblemMapping"/>.
/// </summary>
public static class Guard
{
    public static Task<IResult> Run(Func<Task<IResult>> handler) => handler();
}
