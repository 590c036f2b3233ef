using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CreditGrid.Core.Applications;

/// <summary>
/// The application number and its private tracking code (domain-rules §10). The number is SQ + the day received + six
/// random digits (printable, readable over the phone); the code is ten characters drawn from an alphabet without
/// look-alikes (0/O, 1/I/L), about 49 bits, shown once. Only a salted SHA-256 of the code is stored.
/// </summary>
public static class ApplicationCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int CodeLength = 10;

    public static string NewNumber(DateOnly received) =>
        "SQ" + received.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>The stored form: SHA-256 of "number:code" (the number salts it), hex.</summary>
    public static string Hash(string applicationId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(applicationId + ":" + Normalise(code))));

    public static bool Matches(string applicationId, string? code, string storedHash) =>
        code is { Length: > 0 and <= 64 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(applicationId, code)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>Applicants type codes back: spaces and lower case are forgiven.</summary>
    private static string Normalise(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The queue shows a contact masked: a mobile number as 138****0000, an e-mail as z***@example.cn, else its ends.</summary>
    public static string MaskContact(string contact)
    {
        var c = contact.Trim();
        var at = c.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) return c[..1] + "***" + c[at..];
        if (c.Length >= 7) return c[..3] + new string('*', c.Length - 7) + c[^4..];
        return new string('*', c.Length);
    }
}
