using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>One row of table 9.1 (L3655-L3912): an event type, its category and its lead departments (主要牵头部门).</summary>
[GenerateSerializer, Immutable]
public sealed record EventTypeInfo(
    [property: Id(0)] string Type,
    [property: Id(1)] string Category,
    [property: Id(2)] int Number,
    [property: Id(3)] IReadOnlyList<string> LeadDepartments,
    [property: Id(4)] int SeedLine,
    // Set when the seed's lead cell is blank and the row shares the lead of the row above (a merged cell).
    [property: Id(5)] int? LeadInheritedFromLine = null);
