using System.Text.RegularExpressions;

namespace CreditGrid.Core.Emergency;

/// <summary>What makes one item of an emergency reference file bad (docs/emergency-data.md); null when it is fine.</summary>
internal static partial class EmergencyDataRules
{
    // The plan runs from L3351 (张政字〔2021〕95号) to L4258 (印发); every item must point inside it.
    private const int FirstSeedLine = 3351;
    private const int LastSeedLine = 4258;

    internal static string? ProblemWith(EventTypeInfo t) =>
        Blank(t.Type) ? "type is blank"
        : !EventCategories.IsValid(t.Category) ? $"category '{t.Category}' is not one of {string.Join("|", EventCategories.All)}"
        : Names(t.LeadDepartments) is { } leads ? $"leadDepartments {leads}"
        : t.LeadInheritedFromLine is { } from && (from >= t.SeedLine || from < FirstSeedLine) ? $"leadInheritedFromLine {from} is not a line above L{t.SeedLine}"
        : Line(t.SeedLine);

    internal static string? ProblemWith(SupportFunctionInfo f) =>
        Blank(f.Function) ? "function is blank"
        : Names(f.LeadDepartments) is { } leads ? $"leadDepartments {leads}"
        : Names(f.CooperatingDepartments) is { } coop ? $"cooperatingDepartments {coop}"
        : Line(f.SeedLine);

    internal static string? ProblemWith(ReserveWarehouse w) =>
        Blank(w.Name) ? "name is blank"
        : Blank(w.Location) ? "location is blank"
        : w.ManagingDepartment is { } d && Blank(d) ? "managingDepartment is blank (use null)"
        : w.AreaSquareMetres <= 0 ? "areaSquareMetres must be positive"
        : Blank(w.Stores) ? "stores is blank"
        : Blank(w.Contact.Unit) ? "contact.unit is blank"
        : !PhonePattern().IsMatch(w.Contact.Phone) ? $"contact.phone '{w.Contact.Phone}' is not 0533-nnnnnnn"
        : Blank(w.Contact.ReserveType) ? "contact.reserveType is blank"
        : Line(w.Contact.SeedLine) ?? Line(w.SeedLine);

    internal static string? ProblemWith(FireStation s) =>
        Blank(s.Name) ? "name is blank"
        : !PhonePattern().IsMatch(s.Phone) ? $"phone '{s.Phone}' is not 0533-nnnnnnn"
        : s.Vehicles.Count == 0 ? "no vehicles"
        : s.Vehicles.FirstOrDefault(v => Blank(v.Name) || v.Quantity <= 0 || Blank(v.Unit)) is { } bad ? $"vehicle at L{bad.SeedLine} needs a name, a positive quantity and a unit"
        : s.Vehicles.Select(v => Line(v.SeedLine)).FirstOrDefault(p => p is not null) ?? Line(s.SeedLine);

    internal static string? ProblemWith(Shelter s) =>
        Blank(s.Name) ? "name is blank"
        : Blank(s.Address) ? "address is blank"
        : s.Longitude is < -180 or > 180 || s.Latitude is < -90 or > 90 ? $"coordinates ({s.Longitude}, {s.Latitude}) are not degrees"
        : s.AreaTenThousandM2 <= 0 ? "areaTenThousandM2 must be positive"
        : s.CapacityTenThousandPeople <= 0 ? "capacityTenThousandPeople must be positive"
        : s.ShelterClass is not ("Ⅰ" or "Ⅱ" or "Ⅲ" or "Ⅳ") ? $"shelterClass '{s.ShelterClass}' is not Ⅰ|Ⅱ|Ⅲ|Ⅳ"
        : Blank(s.MaintainedBy) ? "maintainedBy is blank"
        : Line(s.SeedLine);

    internal static string? ProblemWith(MedicalUnit u) =>
        Blank(u.Name) ? "name is blank"
        : !PhonePattern().IsMatch(u.Phone) ? $"phone '{u.Phone}' is not 0533-nnnnnnn"
        : Line(u.SeedLine);

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string? Names(IReadOnlyList<string>? names) =>
        names is null || names.Count == 0 ? "is empty"
        : names.Any(Blank) ? "contains a blank name"
        : null;

    private static string? Line(int seedLine) =>
        seedLine is < FirstSeedLine or > LastSeedLine ? $"seedLine {seedLine} is outside the plan (L{FirstSeedLine}-L{LastSeedLine})" : null;

    // Zibo numbers as printed in the plan, e.g. L4178 0533-2126302.
    [GeneratedRegex(@"^0533-\d{7}$")]
    private static partial Regex PhonePattern();
}
