using System.Text.RegularExpressions;

namespace CreditGrid.Core.Identifiers;

/// <summary>
/// Consumer text shown in public (complaints and reviews on the merchant page): anything shaped like a resident ID or an
/// 11-digit mainland mobile number is masked (http-api Conventions, "Consumer text on public pages masks anything shaped
/// like a resident ID or an 11-digit mobile number"; issue 11 item 10). Shape only, no check digit: a mistyped ID is as
/// personal as a valid one. Full-width digits count too, since phone keyboards type them.
/// </summary>
public static partial class PublicText
{
    public static string Mask(string text) =>
        Mobile().Replace(ResidentShaped().Replace(text, m => ResidentId.Mask(m.Value)), m => string.Concat(m.Value.AsSpan(0, 3), "****", m.Value.AsSpan(7)));

    public static string? MaskOrNull(string? text) => text is null ? null : Mask(text);

    /// <summary>17 digits and a digit or X, not inside a longer run of digits.</summary>
    [GeneratedRegex("(?<![0-9０-９])[0-9０-９]{17}[0-9０-９Xx](?![0-9０-９])")]
    private static partial Regex ResidentShaped();

    /// <summary>1[3-9] and nine more digits (GB mobile numbering), not inside a longer run of digits.</summary>
    [GeneratedRegex("(?<![0-9０-９])[1１][3-9３-９][0-9０-９]{9}(?![0-9０-９])")]
    private static partial Regex Mobile();
}
