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
        string.IsNullOrWhiteSpace(value) ? throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' 为必填项。", $"'{field}' is required.") : value;

    /// <summary>
    /// http-api Conventions "Dates have sane ranges": no date of a request lies before the founding of the People's
    /// Republic (1949-10-01; no credit decision, inspection or registration of this grid is older), nor more than 10
    /// years after its reference date. The range lives here so every date field of every endpoint gets the same rule.
    /// </summary>
    public static readonly DateOnly Earliest = new(1949, 10, 1);

    /// <summary>http-api Conventions: the furthest a date may lie after its reference date (inspection, occurredAt, today).</summary>
    public const int MaxYearsAfterReference = 10;

    /// <summary>A date as YYYY-MM-DD (400 otherwise), not before <see cref="Earliest"/> (422).</summary>
    public static DateOnly Date(string? value, string field)
    {
        Required(value, field);
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' 应为 YYYY-MM-DD 格式的日期。", $"'{field}' must be a date as YYYY-MM-DD.");
        return NotBeforeEarliest(d, field);
    }

    public static DateOnly? OptionalDate(string? value, string field) => value is null ? null : Date(value, field);

    /// <summary>http-api: a date in the future breaks a domain rule (422).</summary>
    public static DateOnly NotFuture(DateOnly date, DateOnly today, string field) =>
        date > today ? throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, $"'{field}' {Day(date)} 晚于今天 {Day(today)}，不能是将来的日期。", $"'{field}' {Day(date)} is after today {Day(today)}: it must not be in the future.") : date;

    /// <summary>
    /// http-api Conventions: at most 10 years after its reference date (a finding's deadline after its inspection date,
    /// an event's endedAt after its occurredAt, asOf after today) → 422 naming the field. Also keeps later arithmetic
    /// on the date (the day after a deadline, a validity period) far from DateOnly.MaxValue.
    /// </summary>
    public static DateOnly AtMostYearsAfter(DateOnly date, DateOnly reference, string field, string referenceName)
    {
        var limit = reference.Year <= DateOnly.MaxValue.Year - MaxYearsAfterReference ? reference.AddYears(MaxYearsAfterReference) : DateOnly.MaxValue;
        return date > limit
            ? throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field,
                $"'{field}' 不得晚于{referenceName}后{MaxYearsAfterReference}年（{Day(limit)}）。",
                $"'{field}' must be at most {MaxYearsAfterReference} years after {EnglishName(referenceName)} ({Day(limit)}).")
            : date;
    }

    /// <summary>
    /// An instant as ISO 8601 with an explicit offset or Z (http-api Conventions: instants are ISO 8601 UTC): other
    /// forms such as "1/2/2026", RFC 1123 or a bare date are ambiguous about the day or the zone → 400. Inside the
    /// sane range (not before <see cref="Earliest"/>, not after <paramref name="latest"/>) → 422 otherwise.
    /// </summary>
    public static DateTimeOffset Instant(string? value, string field, DateTimeOffset latest)
    {
        Required(value, field);
        if (!IsoInstantPattern().IsMatch(value!)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            throw Invalid.Field(StatusCodes.Status400BadRequest, field,
                $"'{field}' 应为带时区的 ISO 8601 时刻，如 2026-11-28T08:00:00Z。", $"'{field}' must be an ISO 8601 instant with an offset or Z, e.g. 2026-11-28T08:00:00Z.");
        NotBeforeEarliest(DateOnly.FromDateTime(at.UtcDateTime), field);
        if (at > latest) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, $"'{field}' 是将来的时刻。", $"'{field}' is in the future.");
        return at.ToUniversalTime();
    }

    private static DateOnly NotBeforeEarliest(DateOnly date, string field) =>
        date < Earliest
            ? throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, $"'{field}' 不得早于 {Day(Earliest)}。", $"'{field}' must not be before {Day(Earliest)}.")
            : date;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static SubjectKind Kind(string? value, string field = "subjectKind") =>
        SubjectKinds.TryParse(value, out var kind)
            ? kind
            : throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' 应为 enterprise、person、official、merchant 或 institution。", $"'{field}' must be enterprise, person, official, merchant or institution.");

    /// <summary>§1: a USCC for enterprises and merchants, a resident ID for persons and officials; check characters verified (422).</summary>
    public static string SubjectId(SubjectKind kind, string? id, string field = "subjectId")
    {
        Required(id, field);
        var result = kind.IsNaturalPerson() ? ResidentId.Validate(id) : UnifiedSocialCreditCode.Validate(id);
        return result.IsValid ? id! : throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, IdentifierError(result.Error!, field));
    }

    /// <summary>L2436: natural persons must be 18 or older on the date.</summary>
    public static void Adult(string id, DateOnly on, string field)
    {
        var result = ResidentId.ValidateAdult(id, on);
        if (!result.IsValid) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, IdentifierError(result.Error!, field));
    }

    public static string Identifier(string? value, string field)
    {
        Required(value, field);
        return value!.Length <= 128 && IdPattern().IsMatch(value)
            ? value
            : throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' 应为1-128个字符，只能包含 A-Z a-z 0-9 . _ : -。", $"'{field}' must be 1-128 characters of A-Z a-z 0-9 . _ : -.");
    }

    public static string? Text(string? value, string field, int max)
    {
        if (value is { Length: var n } && n > max)
            throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' 不得超过{max}个字符。", $"'{field}' is longer than {max} characters.");
        return value;
    }

    /// <summary>The identifier checks of core/ write "中文 (English)": both languages, the English naming the field.</summary>
    private static Bilingual IdentifierError(string error, string field)
    {
        var text = Bilingual.Split(error);
        return new(text.Zh, $"'{field}': {char.ToLowerInvariant(text.En[0])}{text.En[1..]}");
    }

    /// <summary>The reference dates callers name in Chinese (检查日期, 今天) and in the English message.</summary>
    private static string EnglishName(string referenceName) => referenceName switch
    {
        "检查日期" => "the inspection date",
        "今天" => "today",
        _ => $"'{referenceName}'",
    };

    // \z, not $: "$" also matches before a final newline, which would let "id\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9._:-]+\z")]
    private static partial Regex IdPattern();

    // YYYY-MM-DDThh:mm[:ss[.fffffff]] then Z or ±hh:mm; [0-9], not \d (which matches any Unicode digit).
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})\z")]
    private static partial Regex IsoInstantPattern();
}
