using System.Text.Json;
using System.Text.RegularExpressions;

namespace CreditGrid.Core.Emergency;

/// <summary>Reads the emergency reference files and refuses bad data, naming the file and item (docs/emergency-data.md).</summary>
public static partial class EmergencyDataLoader
{
    public const string EventTypesFile = "event-types.json";
    public const string SupportFunctionsFile = "support-functions.json";
    public const string WarehousesFile = "warehouses.json";
    public const string FireStationsFile = "fire-stations.json";
    public const string SheltersFile = "shelters.json";
    public const string MedicalUnitsFile = "medical-units.json";

    public static readonly IReadOnlyList<string> Files =
        [EventTypesFile, SupportFunctionsFile, WarehousesFile, FireStationsFile, SheltersFile, MedicalUnitsFile];

    // The plan runs from L3351 (张政字〔2021〕95号) to L4258 (印发); every item must point inside it.
    private const int FirstSeedLine = 3351;
    private const int LastSeedLine = 4258;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static EmergencyReference LoadEmbedded()
    {
        var assembly = typeof(EmergencyDataLoader).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var name = $"CreditGrid.Core.Emergency.{file}";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new EmergencyDataException($"{file}: embedded resource {name} is missing");
            using var reader = new StreamReader(stream);
            texts[file] = reader.ReadToEnd();
        }
        return Load(texts);
    }

    /// <summary>Loads the files from their texts, keyed by file name ("event-types.json" → JSON array), and validates them.</summary>
    public static EmergencyReference Load(IReadOnlyDictionary<string, string> jsonByFile)
    {
        var types = Read<EventTypeInfo>(jsonByFile, EventTypesFile);
        var functions = Read<SupportFunctionInfo>(jsonByFile, SupportFunctionsFile);
        var warehouses = Read<ReserveWarehouse>(jsonByFile, WarehousesFile);
        var stations = Read<FireStation>(jsonByFile, FireStationsFile);
        var shelters = Read<Shelter>(jsonByFile, SheltersFile);
        var units = Read<MedicalUnit>(jsonByFile, MedicalUnitsFile);

        Check(EventTypesFile, types, t => t.Type, ValidateType);
        Unique(EventTypesFile, types, t => t.Type);
        Check(SupportFunctionsFile, functions, f => f.Function, ValidateFunction);
        Unique(SupportFunctionsFile, functions, f => f.Function);
        Check(WarehousesFile, warehouses, w => w.Name, ValidateWarehouse);
        Unique(WarehousesFile, warehouses, w => w.Name);
        Check(FireStationsFile, stations, s => s.Name, ValidateStation);
        Unique(FireStationsFile, stations, s => s.Name);
        Check(SheltersFile, shelters, s => s.Name, ValidateShelter);
        Unique(SheltersFile, shelters, s => s.Name);
        Check(MedicalUnitsFile, units, u => u.Name, ValidateMedicalUnit);
        Unique(MedicalUnitsFile, units, u => u.Name);

        return new EmergencyReference(types, functions, warehouses, stations, shelters, units);
    }

    private static T[] Read<T>(IReadOnlyDictionary<string, string> jsonByFile, string file)
    {
        if (!jsonByFile.TryGetValue(file, out var text)) throw new EmergencyDataException($"{file}: file is missing");
        try
        {
            return JsonSerializer.Deserialize<T[]>(text, Json) ?? throw new EmergencyDataException($"{file}: empty");
        }
        catch (JsonException ex)
        {
            throw new EmergencyDataException($"{file}: item at {ex.Path} is not valid: {ex.Message}");
        }
    }

    private static void Check<T>(string file, IReadOnlyList<T> items, Func<T, string?> name, Func<T, string?> problem)
    {
        if (items.Count == 0) throw new EmergencyDataException($"{file}: no items");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null) throw new EmergencyDataException($"{file}: item {i} is null");
            var why = problem(item);
            if (why is not null) throw new EmergencyDataException($"{file}: item {i} '{name(item)}': {why}");
        }
    }

    private static void Unique<T>(string file, IReadOnlyList<T> items, Func<T, string> key)
    {
        foreach (var dup in items.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new EmergencyDataException($"{file}: item '{dup.Key}' appears {dup.Count()} times");
    }

    private static string? ValidateType(EventTypeInfo t) =>
        Blank(t.Type) ? "type is blank"
        : !EventCategories.IsValid(t.Category) ? $"category '{t.Category}' is not one of {string.Join("|", EventCategories.All)}"
        : Names(t.LeadDepartments) is { } leads ? $"leadDepartments {leads}"
        : t.LeadInheritedFromLine is { } from && (from >= t.SeedLine || from < FirstSeedLine) ? $"leadInheritedFromLine {from} is not a line above L{t.SeedLine}"
        : Line(t.SeedLine);

    private static string? ValidateFunction(SupportFunctionInfo f) =>
        Blank(f.Function) ? "function is blank"
        : Names(f.LeadDepartments) is { } leads ? $"leadDepartments {leads}"
        : Names(f.CooperatingDepartments) is { } coop ? $"cooperatingDepartments {coop}"
        : Line(f.SeedLine);

    private static string? ValidateWarehouse(ReserveWarehouse w) =>
        Blank(w.Name) ? "name is blank"
        : Blank(w.Location) ? "location is blank"
        : w.ManagingDepartment is { } d && Blank(d) ? "managingDepartment is blank (use null)"
        : w.AreaSquareMetres <= 0 ? "areaSquareMetres must be positive"
        : Blank(w.Stores) ? "stores is blank"
        : Blank(w.Contact.Unit) ? "contact.unit is blank"
        : !PhonePattern().IsMatch(w.Contact.Phone) ? $"contact.phone '{w.Contact.Phone}' is not 0533-nnnnnnn"
        : Blank(w.Contact.ReserveType) ? "contact.reserveType is blank"
        : Line(w.Contact.SeedLine) ?? Line(w.SeedLine);

    private static string? ValidateStation(FireStation s) =>
        Blank(s.Name) ? "name is blank"
        : !PhonePattern().IsMatch(s.Phone) ? $"phone '{s.Phone}' is not 0533-nnnnnnn"
        : s.Vehicles.Count == 0 ? "no vehicles"
        : s.Vehicles.FirstOrDefault(v => Blank(v.Name) || v.Quantity <= 0 || Blank(v.Unit)) is { } bad ? $"vehicle at L{bad.SeedLine} needs a name, a positive quantity and a unit"
        : s.Vehicles.Select(v => Line(v.SeedLine)).FirstOrDefault(p => p is not null) ?? Line(s.SeedLine);

    private static string? ValidateShelter(Shelter s) =>
        Blank(s.Name) ? "name is blank"
        : Blank(s.Address) ? "address is blank"
        : s.Longitude is < -180 or > 180 || s.Latitude is < -90 or > 90 ? $"coordinates ({s.Longitude}, {s.Latitude}) are not degrees"
        : s.AreaTenThousandM2 <= 0 ? "areaTenThousandM2 must be positive"
        : s.CapacityTenThousandPeople <= 0 ? "capacityTenThousandPeople must be positive"
        : s.ShelterClass is not ("Ⅰ" or "Ⅱ" or "Ⅲ" or "Ⅳ") ? $"shelterClass '{s.ShelterClass}' is not Ⅰ|Ⅱ|Ⅲ|Ⅳ"
        : Blank(s.MaintainedBy) ? "maintainedBy is blank"
        : Line(s.SeedLine);

    private static string? ValidateMedicalUnit(MedicalUnit u) =>
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
