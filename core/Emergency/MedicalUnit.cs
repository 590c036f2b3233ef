using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>A medical unit of table 9.5 (L4173-L4226) and its phone number.</summary>
[GenerateSerializer, Immutable]
public sealed record MedicalUnit(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] int SeedLine);
