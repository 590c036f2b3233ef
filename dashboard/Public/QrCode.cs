using QRCoder;

namespace CreditGrid.Dashboard.Public;

/// <summary>L3335: the QR code on the shop door leads to the merchant's public page.</summary>
public static class QrCode
{
    public static byte[] Png(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
