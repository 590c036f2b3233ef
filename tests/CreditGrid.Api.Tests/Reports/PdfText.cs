using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace CreditGrid.Api.Tests.Reports;

/// <summary>Reads a PDF back with PdfPig: the text lines of every page (letters grouped by baseline, left to right).</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Lines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<string>();
        foreach (var page in document.GetPages())
            lines.AddRange(page.Letters
                .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
                .OrderByDescending(g => g.Key)
                .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)).Trim()));
        return lines;
    }

    public static IReadOnlyList<IPdfImage> Images(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.GetImages())];
    }
}

/// <summary>Decodes the QR code of the first image of a PDF with ZXing.Net, from the image's decoded samples.</summary>
public static class PdfQr
{
    public static string? Decode(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        foreach (var image in document.GetPages().SelectMany(p => p.GetImages()))
        {
            if (!image.TryGetBytesAsMemory(out var memory)) continue;
            var samples = memory.ToArray();
            var (w, h) = (image.WidthInSamples, image.HeightInSamples);
            var components = image.ColorSpaceDetails?.NumberOfColorComponents ?? 1;
            var gray = new byte[w * h];
            if (image.BitsPerComponent == 8)
                for (var i = 0; i < w * h; i++) gray[i] = samples[i * components];
            else if (image.BitsPerComponent == 1)
            {
                var stride = (w + 7) / 8;
                for (var y = 0; y < h; y++)
                    for (var x = 0; x < w; x++)
                        gray[y * w + x] = (samples[y * stride + x / 8] & (0x80 >> (x % 8))) != 0 ? (byte)255 : (byte)0;
            }
            else throw new InvalidOperationException($"unexpected image: {image.BitsPerComponent} bits, {image.ColorSpaceDetails?.Type}");
            var source = new ZXing.RGBLuminanceSource(gray, w, h, ZXing.RGBLuminanceSource.BitmapFormat.Gray8);
            var result = new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(source)));
            if (result is not null) return result.Text;
        }
        return null;
    }
}
