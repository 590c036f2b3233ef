using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using PdfSharp.Fonts;

namespace CreditGrid.Dashboard.Reports;

/// <summary>
/// The CJK TrueType font embedded in every report and sign (issue 15 item 4: the server needs no browser). Found by
/// Reports:FontPath, else the first Debian default that exists (fonts-droid-fallback; .ci/run installs it). PDFsharp
/// subsets and embeds it, so the PDF reads the same on any machine. No file → <see cref="Family"/> is null and the
/// routes answer 503 (never a 500).
/// </summary>
public sealed class ReportFont
{
    /// <summary>Debian's plain TrueType CJK fonts (a .ttc collection is not read by PDFsharp's resolver).</summary>
    public static readonly string[] DebianDefaults =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
        "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
    ];

    /// <summary>Droid Sans Fallback has CJK glyphs only: Latin letters, digits and punctuation below U+2E80 use this one.</summary>
    public static readonly string[] LatinDefaults =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    public ReportFont(IConfiguration configuration)
    {
        Path = Find(configuration["Reports:FontPath"], DebianDefaults);
        LatinPath = Find(configuration["Reports:LatinFontPath"], LatinDefaults);
        if (Path is null || LatinPath is null) return;
        Family = Register(Path);
        LatinFamily = Register(LatinPath);
        Resolver.Install();
    }

    private static string? Find(string? configured, string[] defaults) =>
        configured is { Length: > 0 } ? (File.Exists(configured) ? configured : null) : defaults.FirstOrDefault(File.Exists);

    /// <summary>One family per file (several hosts in one test process may point at different files).</summary>
    private static string Register(string path)
    {
        var family = "CG-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)))[..12];
        Resolver.Faces.TryAdd(family, File.ReadAllBytes(path));
        return family;
    }

    /// <summary>The CJK font file in use, or null when none was found.</summary>
    public string? Path { get; }

    public string? LatinPath { get; }

    /// <summary>The CJK family name to give XFont, or null when a font is missing (the routes answer 503).</summary>
    public string? Family { get; }

    public string? LatinFamily { get; }

    /// <summary>The pair of fonts a text is drawn in, or null when one is missing.</summary>
    public FontPair? Pair => Family is { } cjk && LatinFamily is { } latin ? new FontPair(cjk, latin) : null;

    /// <summary>PDFsharp's resolver is process-wide and set once: it serves every registered file by its family name.</summary>
    private sealed class Resolver : IFontResolver
    {
        public static readonly ConcurrentDictionary<string, byte[]> Faces = new();
        private static readonly object Gate = new();
        private static bool _installed;

        public static void Install()
        {
            lock (Gate)
            {
                if (_installed) return;
                GlobalFontSettings.FontResolver = new Resolver();
                _installed = true;
            }
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, false) : null;

        public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var bytes) ? bytes : null;
    }
}
