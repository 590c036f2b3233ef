using CreditGrid.Core.Identifiers;

namespace CreditGrid.Core.Tests.Identifiers;

/// <summary>http-api Conventions: consumer text on public pages masks ID- and mobile-shaped text (issue 11 item 10).</summary>
public class PublicTextTests
{
    [Theory]
    [InlineData("我的身份证370303199001011234请核实", "我的身份证370303********1234请核实")]
    [InlineData("证件号11010519491231002X。", "证件号110105********002X。")]
    [InlineData("号码370303199001011239abc", "号码370303********1239abc")] // a letter after it does not hide it
    [InlineData("电话13812345678，晚上打", "电话138****5678，晚上打")]
    [InlineData("拨打１３８１２３４５６７８", "拨打１３８****５６７８")] // full-width digits, as phone keyboards type them
    [InlineData("身份证370303199001011234，手机19912345678", "身份证370303********1234，手机199****5678")]
    public void ID_and_mobile_shaped_text_is_masked(string text, string expected) => Assert.Equal(expected, PublicText.Mask(text));

    [Theory]
    [InlineData("价格不透明，短斤少两")]
    [InlineData("订单号12812345678")] // 12x is no mobile prefix
    [InlineData("共消费1381234567元")] // 10 digits
    [InlineData("卡号6222021234567890123")] // 19 digits: neither shape
    public void Other_text_is_unchanged(string text) => Assert.Equal(text, PublicText.Mask(text));
}
