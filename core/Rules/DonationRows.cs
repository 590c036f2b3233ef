namespace CreditGrid.Core.Rules;

/// <summary>
/// §3.4: the enterprise donation row follows the subject's own type — 企业捐款捐物 (L844-L875) for companies (and,
/// Interpretation, cooperatives and other organisations), 个体工商户捐款捐物 (L879-L903) for individual businesses.
/// </summary>
public static class DonationRows
{
    public const string Company = "E-DONATION-COMPANY";
    public const string IndividualBusiness = "E-DONATION-INDIVIDUAL";

    /// <summary>
    /// The enterprise type as registered, or read from the USCC when not registered: GB 32100-2015 registration
    /// authority 9 (工商) with organisation type 1 企业, 2 个体工商户, 3 农民专业合作社; anything else "other".
    /// </summary>
    public static string TypeOf(string? registeredType, string uscc) =>
        registeredType ?? (uscc is ['9', var type, ..] ? type switch
        {
            '1' => "company",
            '2' => "individual-business",
            '3' => "cooperative",
            _ => "other",
        } : "other");

    /// <summary>The donation row this enterprise reports on.</summary>
    public static string RowFor(string enterpriseType) => enterpriseType == "individual-business" ? IndividualBusiness : Company;

    /// <summary>Null when the indicator is not a donation row or is the right one; else the row to use.</summary>
    public static string? WrongRow(string indicator, string? registeredType, string uscc)
    {
        if (indicator is not (Company or IndividualBusiness)) return null;
        var right = RowFor(TypeOf(registeredType, uscc));
        return indicator == right ? null : right;
    }
}
