using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>A fire-rescue station of table 9.3 (L3992-L4089) with its vehicles; L3993: six stations and one forest squad.</summary>
[GenerateSerializer, Immutable]
public sealed record FireStation(
    [property: Id(0)] int Number,
    [property: Id(1)] string Name,
    [property: Id(2)] string Phone,
    [property: Id(3)] IReadOnlyList<FireVehicle> Vehicles,
    [property: Id(4)] int SeedLine)
{
    public int VehicleCount => Vehicles.Sum(v => v.Quantity);
}

/// <summary>One 配备物资 line of a station: vehicle name and quantity (数量, e.g. "2辆").</summary>
[GenerateSerializer, Immutable]
public sealed record FireVehicle(
    [property: Id(0)] string Name,
    [property: Id(1)] int Quantity,
    [property: Id(2)] string Unit,
    [property: Id(3)] int SeedLine);
