using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CreditGrid.Api.Validation;

/// <summary>
/// RFC 9457 problem details for every error (http-api Conventions), each text in Chinese and English: the language is
/// chosen when the problem is written, from the request's Accept-Language (<see cref="Language"/>).
/// </summary>
public static class Problems
{
    public static ApiProblem Status(int status, string title, string detail) =>
        new(status, Bilingual.Split(detail), title: Bilingual.Split(title));

    public static ApiProblem Status(int status, Bilingual detail) => new(status, detail);

    /// <summary>400/422 with an `errors` object keyed by field name.</summary>
    public static ApiProblem Invalid(int status, string detail, IDictionary<string, string[]> errors) =>
        new(status, Bilingual.Split(detail), Split(errors, zh: true), Split(errors, zh: false));

    public static ApiProblem Invalid(int status, Bilingual detail, string field) =>
        new(status, detail, new Dictionary<string, string[]> { [field] = [detail.Zh] }, new Dictionary<string, string[]> { [field] = [detail.En] });

    public static ApiProblem NotFound(string what) => new(StatusCodes.Status404NotFound, Bilingual.Split(what));

    public static ApiProblem NotFound(string zh, string en) => new(StatusCodes.Status404NotFound, new(zh, en));

    public static ApiProblem Forbidden(string zh, string en) => new(StatusCodes.Status403Forbidden, new(zh, en));

    public static ApiProblem Conflict(string zh, string en) => new(StatusCodes.Status409Conflict, new(zh, en));

    public static ApiProblem Forbidden(string why) => new(StatusCodes.Status403Forbidden, Bilingual.Split(why));

    public static ApiProblem Conflict(string why) => new(StatusCodes.Status409Conflict, Bilingual.Split(why));

    /// <summary>The same problem as an object, for batch results (Chinese; see the overloads with a language).</summary>
    public static ProblemDetails Detail(int status, string detail, IDictionary<string, string[]>? errors = null) =>
        (errors is null ? new ApiProblem(status, Bilingual.Split(detail)) : Invalid(status, detail, errors)).For(english: false);

    public static ProblemDetails Detail(int status, Bilingual detail, bool english) => new ApiProblem(status, detail).For(english);

    public static ProblemDetails Detail(Invalid invalid, bool english) => invalid.ToResult().For(english);

    private static Dictionary<string, string[]> Split(IDictionary<string, string[]> errors, bool zh) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => zh ? Bilingual.Split(m).Zh : Bilingual.Split(m).En).ToArray());
}

/// <summary>
/// A problem answer with both languages; written as application/problem+json in the language the request asks for,
/// with Content-Language and Vary: Accept-Language. <paramref name="title"/> defaults to the status's title.
/// </summary>
public sealed class ApiProblem(int status, Bilingual detail, IDictionary<string, string[]>? errors = null,
    IDictionary<string, string[]>? englishErrors = null, Bilingual? title = null) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int StatusCode => status;
    int? IStatusCodeHttpResult.StatusCode => status;
    public string ContentType => "application/problem+json";
    public Bilingual Detail => detail;

    public ProblemDetails For(bool english)
    {
        var chosen = english ? englishErrors ?? errors : errors;
        ProblemDetails problem = chosen is null ? new ProblemDetails() : new HttpValidationProblemDetails(chosen);
        problem.Status = status;
        problem.Title = (title ?? Titles.Of(status)).In(english);
        problem.Detail = detail.In(english);
        return problem;
    }

    public Task ExecuteAsync(HttpContext http)
    {
        var english = Language.WantsEnglish(http);
        http.Response.Headers.ContentLanguage = Language.Tag(english);
        http.Response.Headers.Append("Vary", "Accept-Language");
        return TypedResults.Problem(For(english)).ExecuteAsync(http);
    }
}

/// <summary>A validation failure: status (400 or 422) and errors keyed by field, in Chinese and English.</summary>
public sealed class Invalid(int status, string detail, Dictionary<string, string[]> errors) : Exception(detail)
{
    public int Status { get; } = status;
    public Dictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The English text of each message, for Accept-Language: en (keyed as <see cref="Errors"/>).</summary>
    public string? EnglishDetail { get; init; }
    public Dictionary<string, string[]>? EnglishErrors { get; init; }

    public ApiProblem ToResult() => EnglishDetail is null
        ? Problems.Invalid(Status, Message, Errors)
        : new ApiProblem(Status, new(Message, EnglishDetail), Errors, EnglishErrors ?? Errors);

    /// <summary>One field's error; a "中文 (English)" text is split into its two languages.</summary>
    public static Invalid Field(int status, string field, string message)
    {
        var text = Bilingual.Split(message);
        return Field(status, field, text.Zh, text.En);
    }

    /// <summary>One field's error in Chinese (default) and English (Accept-Language: en).</summary>
    public static Invalid Field(int status, string field, string zh, string en) =>
        new(status, zh, new() { [field] = [zh] }) { EnglishDetail = en, EnglishErrors = new() { [field] = [en] } };

    public static Invalid Field(int status, string field, Bilingual text) => Field(status, field, text.Zh, text.En);
}
