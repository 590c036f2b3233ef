using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>L3378 the four severities of an emergency, lowest to highest.</summary>
[GenerateSerializer]
public enum Severity
{
    /// <summary>一般</summary>
    General = 1,
    /// <summary>较大</summary>
    Large = 2,
    /// <summary>重大</summary>
    Major = 3,
    /// <summary>特别重大</summary>
    ExtraordinarilyMajor = 4,
}

public static class Severities
{
    public static readonly IReadOnlyList<Severity> All = [Severity.General, Severity.Large, Severity.Major, Severity.ExtraordinarilyMajor];

    /// <summary>The Chinese name used by the plan and on the wire ("severity": "较大").</summary>
    public static string ToChinese(this Severity severity) => severity switch
    {
        Severity.General => "一般",
        Severity.Large => "较大",
        Severity.Major => "重大",
        Severity.ExtraordinarilyMajor => "特别重大",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a severity"),
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim())
        {
            case "一般": severity = Severity.General; return true;
            case "较大": severity = Severity.Large; return true;
            case "重大": severity = Severity.Major; return true;
            case "特别重大": severity = Severity.ExtraordinarilyMajor; return true;
            default: severity = default; return false;
        }
    }

    public static Severity Parse(string text) =>
        TryParse(text, out var severity) ? severity : throw new FormatException($"'{text}' is not a severity (一般|较大|重大|特别重大)");

    /// <summary>Who responds (L3382-L3383, L3386): 一般 the district, 较大 the city, 重大/特别重大 the city reporting to the province.</summary>
    public static Jurisdiction LeadingJurisdiction(this Severity severity) => severity switch
    {
        Severity.General => Jurisdiction.District,
        Severity.Large => Jurisdiction.City,
        Severity.Major or Severity.ExtraordinarilyMajor => Jurisdiction.CityAndProvince,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "not a severity"),
    };

    /// <summary>L3502 only 特别重大 and 重大 events carry the 5 h / 24 h release deadlines.</summary>
    public static bool HasReleaseDeadlines(this Severity severity) => severity is Severity.Major or Severity.ExtraordinarilyMajor;
}
