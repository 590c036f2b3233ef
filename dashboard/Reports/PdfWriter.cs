using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// Lays blocks out on A4 pages with PDFsharp in the embedded CJK font (<see cref="ReportFont"/>): one text line per
/// DrawString (long paragraphs wrapped by measured width, character by character as Chinese wraps), a QR image in the
/// top-right corner of the first page, page numbers at the foot.
/// </summary>
public static class PdfWriter
{
    private const double Margin = 50;
    private const double QrSize = 96;

    public static byte[] Write(FontPair fonts, string title, IReadOnlyList<ReportBlock> blocks, string qrUrl)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "CreditGrid 信用张店";
        var sizes = new Dictionary<BlockStyle, double>
        {
            [BlockStyle.Title] = 18,
            [BlockStyle.Heading] = 13,
            [BlockStyle.Line] = 10.5,
            [BlockStyle.Note] = 9,
        };
        var page = document.AddPage();
        var gfx = XGraphics.FromPdfPage(page);
        using (var qr = QrImage(qrUrl))
            gfx.DrawImage(qr, page.Width.Point - Margin - QrSize, Margin - 10, QrSize, QrSize);
        var y = Margin;
        var right = page.Width.Point - Margin - QrSize - 10; // the first lines leave room for the QR
        foreach (var block in blocks)
        {
            var size = sizes[block.Style];
            var lineHeight = size * 1.55;
            if (block.Style == BlockStyle.Heading) y += 6;
            var indent = block.Style == BlockStyle.Note ? 14 : 0;
            foreach (var line in Wrap(gfx, block.Text, fonts, size, right - Margin - indent))
            {
                if (y + lineHeight > page.Height.Point - Margin)
                {
                    gfx.Dispose();
                    page = document.AddPage();
                    gfx = XGraphics.FromPdfPage(page);
                    y = Margin;
                }
                fonts.Draw(gfx, line, size, block.Style == BlockStyle.Note ? XBrushes.DimGray : XBrushes.Black, Margin + indent, y);
                y += lineHeight;
                if (y > Margin + QrSize) right = page.Width.Point - Margin;
            }
        }
        gfx.Dispose();
        for (var i = 0; i < document.PageCount; i++)
        {
            using var foot = XGraphics.FromPdfPage(document.Pages[i]);
            fonts.DrawCentered(foot, $"第 {i + 1} 页 / 共 {document.PageCount} 页", sizes[BlockStyle.Note], XBrushes.DimGray,
                document.Pages[i].Width.Point, document.Pages[i].Height.Point - Margin + 10);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The QR of an absolute address as a PNG (QRCoder), error correction Q so a printed copy still scans.</summary>
    public static byte[] QrPng(string url, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The same QR as a BMP, the format PDFsharp's importer embeds (it does not read QRCoder's 1-bit PNG).</summary>
    public static XImage QrImage(string url, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return XImage.FromStream(new MemoryStream(new BitmapByteQRCode(data).GetGraphic(pixelsPerModule)));
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, string text, FontPair fonts, double size, double width)
    {
        var start = 0;
        for (var end = 1; end <= text.Length; end++)
        {
            if (fonts.Width(gfx, text[start..end], size) <= width) continue;
            var cut = Math.Max(start + 1, end - 1);
            yield return text[start..cut];
            start = cut;
        }
        if (start < text.Length) yield return text[start..];
    }
}
