using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CreditGrid.Core.Emergency;

/// <summary>The validated reference tables of the district emergency plan (张政字〔2021〕95号, domain-rules §8). Immutable; load once.</summary>
public sealed class EmergencyReference
{
    private static readonly Lazy<EmergencyReference> DefaultReference = new(EmergencyDataLoader.LoadEmbedded);

    /// <summary>The tables embedded in CreditGrid.Core.</summary>
    public static EmergencyReference Default => DefaultReference.Value;

    private readonly FrozenDictionary<string, EventTypeInfo> _byType;

    internal EmergencyReference(
        IReadOnlyList<EventTypeInfo> eventTypes,
        IReadOnlyList<SupportFunctionInfo> supportFunctions,
        IReadOnlyList<ReserveWarehouse> warehouses,
        IReadOnlyList<FireStation> fireStations,
        IReadOnlyList<Shelter> shelters,
        IReadOnlyList<MedicalUnit> medicalUnits)
    {
        EventTypes = eventTypes;
        SupportFunctions = supportFunctions;
        Warehouses = warehouses;
        FireStations = fireStations;
        Shelters = shelters;
        MedicalUnits = medicalUnits;

        var byType = eventTypes.ToDictionary(t => t.Type, StringComparer.Ordinal);
        // L3748 one row names two types ("大面积停电事件、发电企业生产安全事故"): each part also finds the row.
        foreach (var type in eventTypes)
            foreach (var part in type.Type.Split('、', StringSplitOptions.RemoveEmptyEntries))
                byType.TryAdd(part, type);
        _byType = byType.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Table 9.1 (L3655-L3912), in seed order.</summary>
    public IReadOnlyList<EventTypeInfo> EventTypes { get; }

    /// <summary>Table 9.2 (L3914-L3990), in seed order.</summary>
    public IReadOnlyList<SupportFunctionInfo> SupportFunctions { get; }

    /// <summary>§5.3 (L3542-L3613), in seed order.</summary>
    public IReadOnlyList<ReserveWarehouse> Warehouses { get; }

    /// <summary>Table 9.3 (L3992-L4089), in seed order.</summary>
    public IReadOnlyList<FireStation> FireStations { get; }

    /// <summary>Table 9.4 (L4092-L4172), in seed order.</summary>
    public IReadOnlyList<Shelter> Shelters { get; }

    /// <summary>Table 9.5 (L4173-L4226), in seed order.</summary>
    public IReadOnlyList<MedicalUnit> MedicalUnits { get; }

    /// <summary>Finds an event type of table 9.1 by its name as written in the seed (surrounding whitespace ignored).</summary>
    public bool TryGetType(string? type, [MaybeNullWhen(false)] out EventTypeInfo info)
    {
        info = null;
        return type is not null && _byType.TryGetValue(type.Trim(), out info);
    }
}
