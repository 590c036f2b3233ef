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
    public void Wrong_check_character_names_the_expected_one()
    {
        var r = UnifiedSocialCreditCode.Validate("91350100M000100Y44");
        Assert.False(r.IsValid);
        Assert.Contains("校验位", r.Error);
        Assert.Contains("'3'", r.Error);
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
