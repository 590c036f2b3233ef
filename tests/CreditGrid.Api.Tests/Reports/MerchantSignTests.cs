using System.Net;

namespace CreditGrid.Api.Tests.Reports;

/// <summary>
/// Issue 15 item 7: the printable sign /m/{id}/sign.pdf carries the shop's name, its colour, the portal address and a
/// QR that decodes to {PublicBaseUrl}/m/{id}, whatever Host header the request carries.
/// </summary>
public class MerchantSignTests(ReportHost grid) : IClassFixture<ReportHost>
{
    [Fact]
    public async Task The_sign_shows_the_shop_and_its_QR_decodes_to_the_configured_address_even_with_a_forged_host_header()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "水晶街招牌烧烤店", street = "水晶街" })).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/m/{id}/sign.pdf");
        request.Headers.Host = "evil.example.net";
        var response = await grid.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var lines = PdfText.Lines(pdf);
        Assert.Contains("水晶街招牌烧烤店", lines);
        Assert.Contains(lines, l => l.StartsWith("水晶街 · 街区信用颜色：", StringComparison.Ordinal));
        Assert.Contains($"信用查询：{ReportHost.PublicBase}/credit", lines);
        Assert.Equal($"{ReportHost.PublicBase}/m/{id}", PdfQr.Decode(pdf));
        Assert.DoesNotContain("evil.example.net", string.Join("\n", lines));
    }

    [Fact]
    public async Task An_unknown_merchant_has_no_sign()
    {
        var response = await grid.Client().GetAsync($"/m/{GridHost.NewEnterpriseId()}/sign.pdf");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到该商户", await response.Content.ReadAsStringAsync());
    }
}
