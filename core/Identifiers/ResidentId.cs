using System.Globalization;

namespace CreditGrid.Core.Identifiers;

/// <summary>
/// The 18-character resident identity number of GB 11643-1999 (domain-rules §1): 6-digit address code,
/// birth date YYYYMMDD (digits 7-14), 3-digit sequence, ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>L2436, L1471: persons and officials must be adults.</summary>
    public const int AdultAge = 18;

    public static IdentifierResult Validate(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return IdentifierResult.Fail("身份证号码不能为空 (the resident ID number is empty)");
        if (id.Length != 18)
            return IdentifierResult.Fail($"身份证号码应为18位，实际为{id.Length}位 (must be 18 characters, got {id.Length})");
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
                return IdentifierResult.Fail($"身份证号码第{i + 1}位应为数字 (character {i + 1} must be a digit)");
        }
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X')
            return IdentifierResult.Fail("身份证号码第18位应为数字或大写X (the check character must be a digit or upper-case X)");
        if (BirthDateOf(id) is null)
            return IdentifierResult.Fail($"身份证号码中的出生日期{id.Substring(6, 8)}无效 (digits 7-14 are not a real date)");
        var expected = CheckCharacter(id.AsSpan(0, 17));
        if (id[17] != expected)
            // Say only that it is wrong, not which character fits (issue 11 item 11: no oracle that completes a guessed number).
            return IdentifierResult.Fail("身份证号码校验位错误 (the check character is wrong)");
        return IdentifierResult.Ok;
    }

    /// <summary>Validates the number and that its holder is at least 18 on <paramref name="onDate"/> (L2436).</summary>
    public static IdentifierResult ValidateAdult(string? id, DateOnly onDate)
    {
        var result = Validate(id);
        if (!result.IsValid) return result;
        var age = AgeOn(id!, onDate);
        return age < AdultAge
            ? IdentifierResult.Fail($"未满18周岁（{onDate:yyyy-MM-dd}时{Math.Max(age, 0)}岁），不能作为个人信用主体 (the holder is {Math.Max(age, 0)} on {onDate:yyyy-MM-dd}; must be 18 or older)")
            : IdentifierResult.Ok;
    }

    public static bool IsValid(string? id) => Validate(id).IsValid;

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public static DateOnly? BirthDateOf(string id) =>
        id.Length >= 14 && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>Completed years of age on a date.</summary>
    public static int AgeOn(string id, DateOnly onDate)
    {
        var birth = BirthDateOf(id) ?? throw new ArgumentException("no valid birth date", nameof(id));
        var age = onDate.Year - birth.Year;
        if (onDate < birth.AddYears(age)) age--;
        return age;
    }

    /// <summary>Builds a valid number from 17 digits, for demos and tests.</summary>
    public static string Complete(string first17) => first17 + CheckCharacter(first17);

    /// <summary>Masks a personal identifier: first 6 and last 4 kept, '*' between (http-api Conventions).</summary>
    public static string Mask(string id) =>
        id.Length <= 10 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4));
}
