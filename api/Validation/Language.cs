using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>
/// http-api Conventions: problem details are Chinese by default, English when the caller asks for it
/// (<c>Accept-Language: en</c>, or English ranked above Chinese). Chosen per request when the problem is written.
/// </summary>
public static class Language
{
    public static bool WantsEnglish(HttpContext http)
    {
        var header = http.Request.Headers.AcceptLanguage;
        if (header.Count == 0) return false;
        var ranked = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in ranked)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return true;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || tag == "*") return false;
        }
        return false;
    }

    /// <summary>The Content-Language of an answer in the chosen language.</summary>
    public static string Tag(bool english) => english ? "en" : "zh-CN";
}

/// <summary>A text in both languages of the contract.</summary>
public sealed record Bilingual(string Zh, string En)
{
    public string In(bool english) => english ? En : Zh;

    /// <summary>
    /// Older messages (and the identifier checks of core/) carry both languages in one string: "中文 (English)" or
    /// "中文 (English)。". Splits such a text; a text without an English part is returned as is in both languages.
    /// </summary>
    public static Bilingual Split(string text)
    {
        var t = text.TrimEnd('。', ' ');
        if (t.EndsWith(')') && t.LastIndexOf(" (", StringComparison.Ordinal) is var open and > 0)
        {
            var en = t[(open + 2)..^1];
            var zh = t[..open];
            if (en.Any(char.IsAsciiLetter) && !en.Any(c => c > 0x2E80))
                return new(zh.EndsWith('。') ? zh : zh + "。", char.ToUpperInvariant(en[0]) + en[1..] + ".");
        }
        return new(text, text);
    }
}
