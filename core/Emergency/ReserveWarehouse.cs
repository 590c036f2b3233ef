using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>A reserve warehouse of §5.3 (L3543-L3553), joined with its row of the contact table (L3555-L3613).</summary>
[GenerateSerializer, Immutable]
public sealed record ReserveWarehouse(
    [property: Id(0)] int Number,
    [property: Id(1)] string Name,
    // The bracketed 管理部门 after the name (L3542); null where the seed gives none.
    [property: Id(2)] string? ManagingDepartment,
    [property: Id(3)] string Location,
    [property: Id(4)] decimal AreaSquareMetres,
    // L3546 "面积约为40平方米": the only approximate area.
    [property: Id(5)] bool AreaApproximate,
    [property: Id(6)] string Stores,
    [property: Id(7)] WarehouseContact Contact,
    [property: Id(8)] int SeedLine)
{
    /// <summary>The department to call: the bracketed one, else the unit of the contact table.</summary>
    public string ManagedBy => ManagingDepartment ?? Contact.Unit;
}

/// <summary>A row of the warehouse contact table (L3555-L3613): 单位, 电话, 物资储备类型.</summary>
[GenerateSerializer, Immutable]
public sealed record WarehouseContact(
    [property: Id(0)] string Unit,
    [property: Id(1)] string Phone,
    [property: Id(2)] string ReserveType,
    [property: Id(3)] int SeedLine);
