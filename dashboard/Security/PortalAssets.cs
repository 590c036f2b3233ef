using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace CreditGrid.Dashboard.Security;

/// <summary>
/// The portal's static files (wwwroot/credit/*.css, *.js) and their version: the first 12 hex digits of the SHA-256 of
/// the file as this build embeds it. Pages link <c>Href("/credit/x.css")</c> = <c>/credit/x.css?v=…</c>, which the
/// browser may keep for a year (a new build changes the content and so the address); an old or missing version is
/// served with no-cache, never pinned.
/// </summary>
public static class PortalAssets
{
    private static readonly string[] Extensions = [".css", ".js", ".mjs", ".svg", ".png", ".woff2"];
    private static readonly IFileProvider Files = new ManifestEmbeddedFileProvider(typeof(PortalAssets).Assembly, "wwwroot");
    private static readonly ConcurrentDictionary<string, string?> Versions = new(StringComparer.Ordinal);

    /// <summary>A file under /credit/ with an asset's extension.</summary>
    public static bool IsAsset(PathString path) =>
        path.StartsWithSegments("/credit", StringComparison.OrdinalIgnoreCase)
        && Array.Exists(Extensions, e => path.Value!.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The versioned address of an embedded asset (its path unchanged if the build has no such file).</summary>
    public static string Href(string path) => Version(path) is { } v ? $"{path}?v={v}" : path;

    public static bool IsCurrent(PathString path, string? version) =>
        !string.IsNullOrEmpty(version) && string.Equals(Version(path.Value!), version, StringComparison.Ordinal);

    private static string? Version(string path) => Versions.GetOrAdd(path, p =>
    {
        var file = Files.GetFileInfo(p.TrimStart('/'));
        if (!file.Exists || file.IsDirectory) return null;
        using var stream = file.CreateReadStream();
        return Convert.ToHexString(SHA256.HashData(stream))[..12].ToLowerInvariant();
    });
}
