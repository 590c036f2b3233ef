using System.Text.Json;

namespace CreditGrid.Core.Emergency;

/// <summary>Reads the emergency reference files and refuses bad data, naming the file and item (docs/emergency-data.md).</summary>
public static class EmergencyDataLoader
{
    public const string EventTypesFile = "event-types.json";
    public const string SupportFunctionsFile = "support-functions.json";
    public const string WarehousesFile = "warehouses.json";
    public const string FireStationsFile = "fire-stations.json";
    public const string SheltersFile = "shelters.json";
    public const string MedicalUnitsFile = "medical-units.json";

    public static readonly IReadOnlyList<string> Files =
        [EventTypesFile, SupportFunctionsFile, WarehousesFile, FireStationsFile, SheltersFile, MedicalUnitsFile];

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

        Check(EventTypesFile, types, t => t.Type, EmergencyDataRules.ProblemWith);
        Unique(EventTypesFile, types, t => t.Type);
        Check(SupportFunctionsFile, functions, f => f.Function, EmergencyDataRules.ProblemWith);
        Unique(SupportFunctionsFile, functions, f => f.Function);
        Check(WarehousesFile, warehouses, w => w.Name, EmergencyDataRules.ProblemWith);
        Unique(WarehousesFile, warehouses, w => w.Name);
        Check(FireStationsFile, stations, s => s.Name, EmergencyDataRules.ProblemWith);
        Unique(FireStationsFile, stations, s => s.Name);
        Check(SheltersFile, shelters, s => s.Name, EmergencyDataRules.ProblemWith);
        Unique(SheltersFile, shelters, s => s.Name);
        Check(MedicalUnitsFile, units, u => u.Name, EmergencyDataRules.ProblemWith);
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
}
