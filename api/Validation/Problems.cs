using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CreditGrid.Api.Validation;

/// <summary>RFC 9457 problem details for every error (http-api Conventions).</summary>
public static class Problems
{
    public static IResult Status(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status);

    /// <summary>400/422 with an `errors` object keyed by field name.</summary>
    public static IResult Invalid(int status, string detail, IDictionary<string, string[]> errors) =>
        Results.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? "The request is malformed" : "The request breaks a rule",
            Detail = detail,
        });

    public static IResult NotFound(string what) => Status(StatusCodes.Status404NotFound, "Not found", what);

    // Bilingual forms (http-api Conventions: Chinese by default, English with Accept-Language: en). New code passes
    // both texts; the language is chosen per request by the problem writer.
    public static IResult NotFound(string zh, string en) => NotFound(zh);

    public static IResult Forbidden(string zh, string en) => Forbidden(zh);

    public static IResult Conflict(string zh, string en) => Conflict(zh);

    public static IResult Forbidden(string why) => Status(StatusCodes.Status403Forbidden, "Forbidden", why);

    public static IResult Conflict(string why) => Status(StatusCodes.Status409Conflict, "Conflict", why);

    /// <summary>The same problem as an object, for batch results.</summary>
    public static ProblemDetails Detail(int status, string detail, IDictionary<string, string[]>? errors = null) =>
        errors is null
            ? new ProblemDetails { Status = status, Title = TitleOf(status), Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = TitleOf(status), Detail = detail };

    private static string TitleOf(int status) => status switch
    {
        400 => "The request is malformed",
        403 => "Forbidden",
        409 => "Conflict",
        422 => "The request breaks a rule",
        _ => "Error",
    };
}

/// <summary>A validation failure: status (400 or 422) and errors keyed by field.</summary>
public sealed class Invalid(int status, string detail, Dictionary<string, string[]> errors) : Exception(detail)
{
    public int Status { get; } = status;
    public Dictionary<string, string[]> Errors { get; } = errors;

    public IResult ToResult() => Problems.Invalid(Status, Message, Errors);

    public static Invalid Field(int status, string field, string message) => new(status, message, new() { [field] = [message] });

    /// <summary>The English text of each message, for Accept-Language: en (keyed as <see cref="Errors"/>).</summary>
    public string? EnglishDetail { get; init; }
    public Dictionary<string, string[]>? EnglishErrors { get; init; }

    /// <summary>One field's error in Chinese (default) and English (Accept-Language: en).</summary>
    public static Invalid Field(int status, string field, string zh, string en) =>
        new(status, zh, new() { [field] = [zh] }) { EnglishDetail = en, EnglishErrors = new() { [field] = [en] } };
}
