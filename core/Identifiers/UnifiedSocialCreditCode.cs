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

    /// <summary>
    /// GB 32100-2015 表1 (with amendment No. 1, which added A and N): the registration authority (1st character) and the
    /// organisation kinds (2nd character) each authority defines. A code outside this table cannot have been issued,
    /// whatever its check character says (issue 11 item 4: 000000000000000000 passed the checksum).
    /// </summary>
    private static readonly Dictionary<char, string> KindsByAuthority = new()
    {
        ['1'] = "1239",   // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
        ['2'] = "19",     // 外交: 外国常驻新闻机构, 其他
        ['3'] = "123459", // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
        ['4'] = "19",     // 文化: 外国在华文化中心, 其他
        ['5'] = "1239",   // 民政: 社会团体, 民办非企业单位, 基金会, 其他
        ['6'] = "129",    // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地（大陆）代表机构, 其他
        ['7'] = "129",    // 宗教: 宗教活动场所, 宗教院校, 其他
        ['8'] = "19",     // 工会: 基层工会, 其他
        ['9'] = "123",    // 工商: 企业, 个体工商户, 农民专业合作社
        ['A'] = "19",     // 中央军委改革和编制办公室: 军队事业单位, 其他
        ['N'] = "1239",   // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
        ['Y'] = "1",      // 其他: not divided into kinds
    };

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
        if (!KindsByAuthority.TryGetValue(code[0], out var kinds))
            return IdentifierResult.Fail($"统一社会信用代码第1位'{code[0]}'不是 GB 32100 规定的登记管理部门代码 (character 1 is not a registration authority of GB 32100)");
        if (kinds.IndexOf(code[1]) < 0)
            return IdentifierResult.Fail($"统一社会信用代码第2位'{code[1]}'不是登记管理部门'{code[0]}'的机构类别代码 (character 2 is not an organisation kind of authority '{code[0]}' in GB 32100)");
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
                return IdentifierResult.Fail($"统一社会信用代码第{i + 1}位应为行政区划代码数字 (character {i + 1} must be a digit of the division code)");
        }
        var expected = CheckCharacter(code.AsSpan(0, 17));
        if (code[17] != expected)
            // Say only that it is wrong, not which character fits (issue 11 item 11: no oracle that completes a guessed code).
            return IdentifierResult.Fail("统一社会信用代码校验位错误 (the check character is wrong)");
        var org = OrganisationCheck(code.AsSpan(8, 8));
        if (org is { } orgExpected && code[16] != orgExpected)
            return IdentifierResult.Fail("统一社会信用代码中的组织机构代码校验位错误 (the check character of the embedded GB 11714 organisation code is wrong)");
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
