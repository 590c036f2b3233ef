namespace CreditGrid.Core.Identifiers;

/// <summary>
/// The 18-character unified social credit code of GB 32100-2015 (domain-rules §1, L747-L760):
/// registration authority (1), organisation kind (1), division code (6 digits),
/// the GB 11714 organisation code (8 + its own check character), and a check character over the first 17.
/// </summary>
public static class UnifiedSocialCreditCode
{
    // GB 32100-2015: the 31-symbol alphabet (no I, O, Z, S, V).
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    // GB 11714-1997: weights of the 8-character organisation code body.
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static IdentifierResult Validate(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return IdentifierResult.Fail("统一社会信用代码不能为空 (the unified social credit code is empty)");
        if (code.Length != 18)
            return IdentifierResult.Fail($"统一社会信用代码应为18位，实际为{code.Length}位 (must be 18 characters, got {code.Length})");
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
                return IdentifierResult.Fail($"统一社会信用代码第{i + 1}位字符'{code[i]}'不合法 (character {i + 1} '{code[i]}' is not in the GB 32100 alphabet; use upper case, no I/O/Z/S/V)");
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
                return IdentifierResult.Fail($"统一社会信用代码第{i + 1}位应为行政区划代码数字 (character {i + 1} must be a digit of the division code)");
        }
        var expected = CheckCharacter(code.AsSpan(0, 17));
        if (code[17] != expected)
            return IdentifierResult.Fail($"统一社会信用代码校验位错误：应为'{expected}'，实际为'{code[17]}' (check character should be '{expected}', got '{code[17]}')");
        var org = OrganisationCheck(code.AsSpan(8, 8));
        if (org is { } orgExpected && code[16] != orgExpected)
            return IdentifierResult.Fail($"统一社会信用代码中的组织机构代码校验位错误：应为'{orgExpected}'，实际为'{code[16]}' (the embedded GB 11714 organisation code check should be '{orgExpected}', got '{code[16]}')");
        return IdentifierResult.Ok;
    }

    public static bool IsValid(string? code) => Validate(code).IsValid;

    /// <summary>Check character over the first 17 characters: 31 − (Σ value×weight mod 31), 31 → 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("need 17 characters", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not in the alphabet", nameof(first17));
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// GB 11714 check of the embedded organisation code (characters 9-17). Its body uses digits and
    /// upper-case letters (A=10 … Z=35); the check is 11 − (Σ mod 11), 10 → 'X', 11 → '0'.
    /// Returns null when the body holds characters GB 11714 does not define (then the check does not apply).
    /// </summary>
    public static char? OrganisationCheck(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            int value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : -1;
            if (value < 0) return null;
            sum += value * OrgWeights[i];
        }
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }

    /// <summary>Builds a valid code from a 16-character prefix (registration authority … organisation body), for demos and tests.</summary>
    public static string Complete(string first16)
    {
        if (first16.Length != 16) throw new ArgumentException("need 16 characters", nameof(first16));
        var org = OrganisationCheck(first16.AsSpan(8, 8)) ?? throw new ArgumentException("organisation body must be digits/letters", nameof(first16));
        var first17 = first16 + org;
        return first17 + CheckCharacter(first17);
    }
}
