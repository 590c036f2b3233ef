using CreditGrid.Core.Emergency;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>Values that cross grain boundaries or sit in grain state survive the Orleans serializer.</summary>
public class SerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) where T : notnull => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Fact]
    public void An_event_type_round_trips()
    {
        Assert.True(EmergencyReference.Default.TryGetType("危险化学品事故", out var type));
        var copy = RoundTrip(type);
        Assert.Equal(type.Type, copy.Type);
        Assert.Equal(type.Category, copy.Category);
        Assert.Equal(type.LeadDepartments, copy.LeadDepartments);
        Assert.Equal(type.LeadInheritedFromLine, copy.LeadInheritedFromLine);
    }

    [Fact]
    public void Release_deadlines_severity_and_levels_round_trip()
    {
        var deadline = ReleaseDeadlines.For(Severity.Major, DateTimeOffset.UnixEpoch)[1];
        Assert.Equal(deadline, RoundTrip(deadline));
        Assert.Equal(Severity.ExtraordinarilyMajor, RoundTrip(Severity.ExtraordinarilyMajor));
        Assert.Equal(ResponseLevel.For(3), RoundTrip(ResponseLevel.For(3)));
        Assert.Equal(WarningLevel.For(2), RoundTrip(WarningLevel.For(2)));
    }

    [Fact]
    public void Resources_round_trip()
    {
        var reference = EmergencyReference.Default;
        var station = RoundTrip(reference.FireStations[0]);
        Assert.Equal(reference.FireStations[0].Vehicles, station.Vehicles);
        var shelter = reference.Shelters[4];
        Assert.Equal(shelter, RoundTrip(shelter));
        var warehouse = reference.Warehouses[0];
        Assert.Equal(warehouse, RoundTrip(warehouse));
        Assert.Equal(reference.MedicalUnits[0], RoundTrip(reference.MedicalUnits[0]));
    }
}
