using PdfSharp.Drawing;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// Draws mixed Chinese and Latin text in two embedded fonts (<see cref="ReportFont"/>): characters below U+2E80
/// (Latin, digits, general punctuation such as ·) in the Latin font, the rest (CJK, full-width forms) in the CJK font,
/// run by run on one baseline, so every character has a glyph and PDF readers extract the text as written.
/// </summary>
public sealed class FontPair(string cjk, string latin)
{
    private readonly Dictionary<(bool, double), XFont> _fonts = [];

    private XFont Font(bool isLatin, double size)
    {
        if (!_fonts.TryGetValue((isLatin, size), out var font))
            _fonts[(isLatin, size)] = font = new XFont(isLatin ? latin : cjk, size);
        return font;
    }

    private static bool IsLatin(char c) => c < '\u2E80';

    private static IEnumerable<(bool Latin, string Text)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && IsLatin(text[i]) == IsLatin(text[start])) continue;
            yield return (IsLatin(text[start]), text[start..i]);
            start = i;
        }
    }

    public double Width(XGraphics gfx, string text, double size) =>
        Runs(text).Sum(r => gfx.MeasureString(r.Text, Font(r.Latin, size)).Width);

    /// <summary>Draws the text with its top at y: every run on the same baseline (y + size), whatever each font's ascent.</summary>
    public void Draw(XGraphics gfx, string text, double size, XBrush brush, double x, double y)
    {
        foreach (var (isLatin, run) in Runs(text))
        {
            var font = Font(isLatin, size);
            gfx.DrawString(run, font, brush, x, y + size, XStringFormats.BaseLineLeft);
            x += gfx.MeasureString(run, font).Width;
        }
    }

    public void DrawCentered(XGraphics gfx, string text, double size, XBrush brush, double pageWidth, double y) =>
        Draw(gfx, text, size, brush, (pageWidth - Width(gfx, text, size)) / 2, y);
}
