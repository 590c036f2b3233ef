using CreditGrid.Core.Identifiers;

namespace CreditGrid.Core.Tests.Identifiers;

public class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X")] // GB 11643 example
    [InlineData("370303199001011239")]
    public void Valid_numbers_pass(string id) => Assert.True(ResidentId.IsValid(id));

    [Theory]
    [InlineData("370303199001011234", "校验位")]
    [InlineData("11010519491231002x", "大写X")]
    [InlineData("370303199002301234", "出生日期")] // 30 February
    [InlineData("37030319900101123", "18位")]
    [InlineData("3703031990010112A7", "数字")]
    [InlineData("", "不能为空")]
    public void Corrupted_numbers_say_what_is_wrong(string id, string expected)
    {
        var r = ResidentId.Validate(id);
        Assert.False(r.IsValid);
        Assert.Contains(expected, r.Error);
    }

    [Fact]
    public void Every_other_check_character_is_rejected()
    {
        const string good = "370303199001011239";
        foreach (var c in "0123456789X".Where(c => c != good[17]))
            Assert.False(ResidentId.IsValid(good[..17] + c));
    }

    [Fact]
    public void Birth_date_and_age_come_from_digits_7_to_14()
    {
        const string id = "370303199001011239";
        Assert.Equal(new DateOnly(1990, 1, 1), ResidentId.BirthDateOf(id));
        Assert.Equal(36, ResidentId.AgeOn(id, new DateOnly(2026, 11, 28)));
        Assert.Equal(35, ResidentId.AgeOn(id, new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void Minors_are_rejected_and_the_18th_birthday_is_enough()
    {
        var id = ResidentId.Complete("37030320081128123");
        Assert.True(ResidentId.IsValid(id));
        var before = ResidentId.ValidateAdult(id, new DateOnly(2026, 11, 27));
        Assert.False(before.IsValid);
        Assert.Contains("未满18周岁", before.Error);
        Assert.True(ResidentId.ValidateAdult(id, new DateOnly(2026, 11, 28)).IsValid);
    }

    [Fact]
    public void Masking_keeps_the_first_six_and_last_four()
    {
        Assert.Equal("370303********123X", ResidentId.Mask("37030319900101123X"));
    }
}
