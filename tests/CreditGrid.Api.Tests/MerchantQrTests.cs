using System.Net;
using Microsoft.Extensions.Configuration;
using QRCoder;

namespace CreditGrid.Api.Tests;

/// <summary>A host of its own: the QR test changes PublicBaseUrl while it runs.</summary>
public sealed class QrGridHost : GridHost;

/// <summary>Issue 15 item 7: the merchant QR encodes PublicBaseUrl (or the documented default), never the Host header.</summary>
public class MerchantQrTests(QrGridHost grid) : IClassFixture<QrGridHost>
{
    /// <summary>The PNG that encodes <paramref name="url"/> (QRCoder, ECC level Q, 8 pixels a module, as the page draws it).</summary>
    private static byte[] QrOf(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(8);
    }

    private async Task<HttpResponseMessage> Qr(string id, string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/m/{id}/qr.png");
        if (host is not null) request.Headers.Host = host;
        return await grid.Client().SendAsync(request);
    }

    [Fact]
    public async Task The_QR_encodes_the_configured_public_address_whatever_Host_header_the_request_names()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "二维码测试店", street = "水晶街" });

        var unset = await Qr(id, "evil.example");
        Assert.Equal(HttpStatusCode.OK, unset.StatusCode);
        Assert.Equal("image/png", unset.Content.Headers.ContentType?.MediaType);
        Assert.Equal(QrOf($"http://localhost:5080/m/{id}"), await unset.Content.ReadAsByteArrayAsync()); // the documented default
        Assert.Equal(TimeSpan.FromHours(1), unset.Headers.CacheControl?.MaxAge);
        Assert.Equal("nosniff", Assert.Single(unset.Headers.GetValues("X-Content-Type-Options")));

        grid.Service<IConfiguration>()["PublicBaseUrl"] = "https://credit.zhangdian.example.cn/";
        foreach (var host in new[] { null, "evil.example", "credit.zhangdian.example.cn.evil.example" })
        {
            var png = await (await Qr(id, host)).Content.ReadAsByteArrayAsync();
            Assert.Equal(QrOf($"https://credit.zhangdian.example.cn/m/{id}"), png);
            Assert.NotEqual(QrOf($"http://{host ?? grid.BaseAddress.Authority}/m/{id}"), png);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Qr(GridHost.NewEnterpriseId())).StatusCode);
    }
}
