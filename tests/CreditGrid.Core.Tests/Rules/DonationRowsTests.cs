using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>§3.4: the donation row by the subject's type, registered or read from the USCC (GB 32100).</summary>
public class DonationRowsTests
{
    [Theory]
    [InlineData("E-DONATION-INDIVIDUAL", "company", "91370303MA3C0000X1", "E-DONATION-COMPANY")]
    [InlineData("E-DONATION-COMPANY", "individual-business", "92370303MA3C0000X1", "E-DONATION-INDIVIDUAL")]
    [InlineData("E-DONATION-COMPANY", "cooperative", "93370303MA3C0000X1", null)]
    [InlineData("E-DONATION-COMPANY", "company", "92370303MA3C0000X1", null)]      // the registered type wins over the code
    [InlineData("E-DONATION-COMPANY", null, "92370303MA3C0000X1", "E-DONATION-INDIVIDUAL")] // 9-2: 个体工商户
    [InlineData("E-DONATION-INDIVIDUAL", null, "92370303MA3C0000X1", null)]
    [InlineData("E-DONATION-INDIVIDUAL", null, "91370303MA3C0000X1", "E-DONATION-COMPANY")] // 9-1: 企业
    [InlineData("E-DONATION-INDIVIDUAL", null, "53370303MA3C0000X1", "E-DONATION-COMPANY")] // 民政: other
    [InlineData("E-PEN-FINE-10K-100K", "individual-business", "92370303MA3C0000X1", null)]
    public void The_row_follows_the_type(string indicator, string? type, string uscc, string? expected) =>
        Assert.Equal(expected, DonationRows.WrongRow(indicator, type, uscc));
}
