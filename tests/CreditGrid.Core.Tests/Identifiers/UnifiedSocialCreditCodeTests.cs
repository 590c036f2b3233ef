using CreditGrid.Core.Identifiers;

namespace CreditGrid.Core.Tests.Identifiers;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the GB 32100 worked example
    [InlineData("9144030071526726XG")]
    [InlineData("91440300708461136T")]
    [InlineData("91330100716105852F")]
    public void Published_codes_are_valid(string code) => Assert.True(UnifiedSocialCreditCode.Validate(code).IsValid);

    [Fact]
    public void A_completed_code_is_valid_and_every_single_character_change_of_the_check_is_caught()
    {
        var code = UnifiedSocialCreditCode.Complete("9137030316410035");
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
        foreach (var c in "0123456789ABCDEFGHJKLMNPQRTUWXY".Where(c => c != code[17]))
            Assert.False(UnifiedSocialCreditCode.IsValid(code[..17] + c));
    }

    [Fact]
    public void Wrong_check_character_is_called_wrong_without_naming_the_right_one()
    {
        var r = UnifiedSocialCreditCode.Validate("91350100M000100Y44");
        Assert.False(r.IsValid);
        Assert.Contains("校验位", r.Error);
        Assert.DoesNotContain("3", r.Error);
        // Another code with the same wrong character gets the same words: the message carries nothing of the right one.
        Assert.Equal(r.Error, UnifiedSocialCreditCode.Validate("9144030071526726X4").Error);
    }

    [Theory]
    [InlineData("0037030310000001", "第1位")] // authority 0: not in GB 32100 表1
    [InlineData("B137030310000001", "第1位")]
    [InlineData("9437030310000001", "第2位")] // 工商 defines kinds 1, 2, 3 only
    [InlineData("9937030310000001", "第2位")]
    [InlineData("Y237030310000001", "第2位")] // 其他 has the single kind 1
    public void A_code_with_an_authority_or_kind_GB_32100_does_not_define_is_rejected_even_with_right_checks(string first16, string position)
    {
        var r = UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Complete(first16));
        Assert.False(r.IsValid);
        Assert.Contains(position, r.Error);
    }

    [Theory]
    [InlineData("11")] [InlineData("12")] [InlineData("13")] [InlineData("19")]
    [InlineData("21")] [InlineData("29")]
    [InlineData("31")] [InlineData("32")] [InlineData("33")] [InlineData("34")] [InlineData("35")] [InlineData("39")]
    [InlineData("41")] [InlineData("49")]
    [InlineData("51")] [InlineData("52")] [InlineData("53")] [InlineData("59")]
    [InlineData("61")] [InlineData("62")] [InlineData("69")]
    [InlineData("71")] [InlineData("72")] [InlineData("79")]
    [InlineData("81")] [InlineData("89")]
    [InlineData("91")] [InlineData("92")] [InlineData("93")]
    [InlineData("A1")] [InlineData("A9")]
    [InlineData("N1")] [InlineData("N2")] [InlineData("N3")] [InlineData("N9")]
    [InlineData("Y1")]
    public void Every_authority_and_kind_of_GB_32100_table_1_is_accepted(string authorityAndKind)
    {
        var code = UnifiedSocialCreditCode.Complete(authorityAndKind + "37030310000001");
        Assert.True(UnifiedSocialCreditCode.IsValid(code), UnifiedSocialCreditCode.Validate(code).Error);
    }

    [Fact]
    public void The_all_zero_code_has_fitting_check_characters_and_is_still_rejected_for_its_authority()
    {
        Assert.Equal('0', UnifiedSocialCreditCode.CheckCharacter("00000000000000000"));
        var r = UnifiedSocialCreditCode.Validate("000000000000000000");
        Assert.False(r.IsValid);
        Assert.Contains("登记管理部门", r.Error);
    }

    [Fact]
    public void Broken_embedded_organisation_code_is_caught_even_when_the_outer_check_fits()
    {
        // Change the organisation check character (position 17) and recompute the outer check: GB 11714 still fails.
        var body = "9135010000010012";
        var wrongOrg = body + "9";
        var code = wrongOrg + UnifiedSocialCreditCode.CheckCharacter(wrongOrg);
        var r = UnifiedSocialCreditCode.Validate(code);
        Assert.False(r.IsValid);
        Assert.Contains("组织机构代码", r.Error);
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("91350100M000100Y4", "18位")]
    [InlineData("91350100M000100Y431", "18位")]
    [InlineData("91350100M0001OOY43", "不合法")] // letter O is not in the alphabet
    [InlineData("91350100m000100y43", "不合法")] // lower case
    [InlineData("913501A0M000100Y43", "行政区划")]
    public void Malformed_codes_say_what_is_wrong(string code, string expected)
    {
        var r = UnifiedSocialCreditCode.Validate(code);
        Assert.False(r.IsValid);
        Assert.Contains(expected, r.Error);
    }
}
