using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>An emergency shelter of table 9.4 (L4092-L4172). Area and capacity keep the seed's units (万M², 万人).</summary>
[GenerateSerializer, Immutable]
public sealed record Shelter(
    [property: Id(0)] int Number,
    [property: Id(1)] string Name,
    [property: Id(2)] string Address,
    [property: Id(3)] double Longitude,
    [property: Id(4)] double Latitude,
    [property: Id(5)] string CoordinatesText,
    [property: Id(6)] decimal AreaTenThousandM2,
    [property: Id(7)] decimal CapacityTenThousandPeople,
    // Ⅰ、Ⅱ、Ⅲ, or Ⅳ for an evacuation ground (疏散场地), L4099.
    [property: Id(8)] string ShelterClass,
    [property: Id(9)] string MaintainedBy,
    [property: Id(10)] int SeedLine,
    [property: Id(11)] string? Note = null)
{
    public decimal AreaSquareMetres => AreaTenThousandM2 * 10_000m;
    public int CapacityPeople => (int)(CapacityTenThousandPeople * 10_000m);
}
