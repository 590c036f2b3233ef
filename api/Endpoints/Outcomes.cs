using CreditGrid.Api.Validation;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Endpoints;

/// <summary>The domain outcomes of core/ (<see cref="Outcome"/>) as HTTP problems: the only place they meet status codes.</summary>
public static class Outcomes
{
    public static int StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => StatusCodes.Status200OK,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.NotYours => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        OutcomeKind.RuleBroken => StatusCodes.Status422UnprocessableEntity,
        OutcomeKind.TooMany => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A refusal as its problem; a broken rule names <paramref name="field"/> in `errors`.</summary>
    public static ApiProblem Problem(Outcome outcome, Bilingual? fallback = null, string field = "body")
    {
        var text = outcome.Message is { } zh ? new Bilingual(zh, outcome.English ?? zh) : fallback ?? Titles.Of(StatusOf(outcome.Kind));
        return outcome.Kind == OutcomeKind.RuleBroken
            ? Problems.Invalid(StatusCodes.Status422UnprocessableEntity, text, field)
            : new ApiProblem(StatusOf(outcome.Kind), text);
    }
}
