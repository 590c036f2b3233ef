using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// The printable sign for a merchant's window (issue 15 item 7; L3335 商户信用码): the shop's name, its street colour,
/// the QR of {PublicBaseUrl}/m/{id} and the portal address, on one A5 page. The address comes from PublicBaseUrl only,
/// never from the request's Host header (<see cref="PublicAddress"/>).
/// </summary>
public static class SignRoutes
{
    public static async Task<IResult> Pdf(string id, HttpRequest request, IGrainFactory grains, ReportFont font, IConfiguration configuration)
    {
        var view = await grains.IsMerchant(id) ? await grains.Merchant(id).Public() : null;
        if (view is null) return Public.PublicPages.NotFound();
        if (font.Pair is not { } fonts) return ReportProblem.NoFont(request);
        var pdf = Render(fonts, view, Public.PublicAddress.Of(configuration));
        return Results.File(pdf, "application/pdf", "sign.pdf");
    }

    /// <summary>The sign's QR alone as a PNG: the same address as the printed sign (for screens and for checking).</summary>
    public static async Task<IResult> Png(string id, IGrainFactory grains, IConfiguration configuration)
    {
        if (!await grains.IsMerchant(id)) return Public.PublicPages.NotFound();
        return Results.File(PdfWriter.QrPng(MerchantUrl(Public.PublicAddress.Of(configuration), id)), "image/png");
    }

    public static string MerchantUrl(string baseUrl, string id) => $"{baseUrl}/m/{Uri.EscapeDataString(id)}";

    private static byte[] Render(FontPair fonts, MerchantPublicView view, string baseUrl)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{view.Name} 商户信用码";
        var page = document.AddPage();
        page.Size = PageSize.A5;
        var w = page.Width.Point;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var (fill, ink) = Colors(view.Color);
            gfx.DrawRectangle(new XSolidBrush(fill), 0, 0, w, 80);
            fonts.DrawCentered(gfx, "信用张店 · 商户信用码", 20, new XSolidBrush(ink), w, 26);
            fonts.DrawCentered(gfx, view.Name, 24, XBrushes.Black, w, 100);
            fonts.DrawCentered(gfx, $"{view.Street} · 街区信用颜色：{ReportContent.ColorName(view.Color)}", 13, XBrushes.Black, w, 140);
            var size = 230.0;
            using (var qr = PdfWriter.QrImage(MerchantUrl(baseUrl, view.Id)))
                gfx.DrawImage(qr, (w - size) / 2, 175, size, size);
            fonts.DrawCentered(gfx, "扫码查看本店信用信息、许可与承诺", 13, XBrushes.Black, w, 418);
            fonts.DrawCentered(gfx, MerchantUrl(baseUrl, view.Id), 10, XBrushes.DimGray, w, 442);
            gfx.DrawRectangle(new XSolidBrush(fill), 0, page.Height.Point - 70, w, 70);
            fonts.DrawCentered(gfx, $"信用查询：{baseUrl}/credit", 12, new XSolidBrush(ink), w, page.Height.Point - 45);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>Domain-rules §7 colours: 红 示范, 蓝 正常, 黄 警示, 黑 失信 (band colour, text colour on it).</summary>
    private static (XColor Fill, XColor Ink) Colors(string color) => color switch
    {
        "red" => (XColor.FromArgb(198, 40, 40), XColors.White),
        "blue" => (XColor.FromArgb(21, 101, 192), XColors.White),
        "yellow" => (XColor.FromArgb(249, 168, 37), XColors.Black),
        "black" => (XColor.FromArgb(33, 33, 33), XColors.White),
        _ => (XColors.LightGray, XColors.Black),
    };
}
