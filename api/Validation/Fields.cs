using System.Globalization;
using System.Text.RegularExpressions;
using CreditGrid.Core;
using CreditGrid.Core.Identifiers;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>Field checks shared by the endpoints; each names the field it refuses.</summary>
public static partial class Fields
{
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' is required.") : value;

    public static DateOnly Date(string? value, string field)
    {
        Required(value, field);
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' must be a date as YYYY-MM-DD, got '{value}'.");
    }

    public static DateOnly? OptionalDate(string? value, string field) => value is null ? null : Date(value, field);

    /// <summary>http-api: a date in the future breaks a domain rule (422).</summary>
    public static DateOnly NotFuture(DateOnly date, DateOnly today, string field) =>
        date > today ? throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, $"'{field}' {date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).") : date;

    public static SubjectKind Kind(string? value, string field = "subjectKind") =>
        SubjectKinds.TryParse(value, out var kind)
            ? kind
            : throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' must be enterprise, person, official, merchant or institution, got '{value}'.");

    /// <summary>§1: a USCC for enterprises and merchants, a resident ID for persons and officials; check characters verified (422).</summary>
    public static string SubjectId(SubjectKind kind, string? id, string field = "subjectId")
    {
        Required(id, field);
        var result = kind.IsNaturalPerson() ? ResidentId.Validate(id) : UnifiedSocialCreditCode.Validate(id);
        return result.IsValid ? id! : throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, result.Error!);
    }

    /// <summary>L2436: natural persons must be 18 or older on the date.</summary>
    public static void Adult(string id, DateOnly on, string field)
    {
        var result = ResidentId.ValidateAdult(id, on);
        if (!result.IsValid) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, result.Error!);
    }

    public static string Identifier(string? value, string field)
    {
        Required(value, field);
        return value!.Length <= 128 && IdPattern().IsMatch(value)
            ? value
            : throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' must be 1-128 characters of A-Z a-z 0-9 . _ : -");
    }

    public static string? Text(string? value, string field, int max)
    {
        if (value is { Length: var n } && n > max)
            throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' is longer than {max} characters.");
        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex IdPattern();
}
