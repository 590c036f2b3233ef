using System.Globalization;

namespace CreditGrid.Dashboard.Portal;

/// <summary>Small shared wording of the portal pages: dates, street colours, kinds.</summary>
public static class PortalText
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? d, string none) => d is { } day ? Day(day) : none;

    /// <summary>The street colours of the 诚信经营示范街 (domain-rules §7), as the merchant page names them.</summary>
    public static string? ColorLabel(string? color) => color switch
    {
        "red" => "红名单",
        "blue" => "蓝名单",
        "yellow" => "黄名单",
        "black" => "黑名单",
        _ => null,
    };

    public static string KindLabel(string kind) => kind == "institution" ? "机关事业单位/社会组织" : "企业";

    /// <summary>"/credit/enterprise/{id}" — the public page of a subject.</summary>
    public static string Href(string kind, string id) => $"/credit/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(id)}";
}
