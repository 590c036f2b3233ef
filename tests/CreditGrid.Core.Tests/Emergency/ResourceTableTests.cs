using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>The resources shipped as reference data (domain-rules §8): warehouses, fire stations, shelters, medical units.</summary>
public class ResourceTableTests
{
    private static readonly EmergencyReference Reference = EmergencyReference.Default;

    [Fact]
    public void There_are_11_reserve_warehouses_numbered_1_to_11()
    {
        // L3543-L3553 ①-⑪ and the contact table L3555-L3613
        Assert.Equal(11, Reference.Warehouses.Count);
        Assert.Equal(Enumerable.Range(1, 11), Reference.Warehouses.Select(w => w.Number));
    }

    [Fact]
    public void The_emergency_management_warehouse_is_at_heping_road_with_its_contact_row()
    {
        var w = Reference.Warehouses[1];
        Assert.Equal("张店区应急管理局应急物资储备库", w.Name);
        Assert.Equal("张店区和平路15号（和平路与西四路西南角区委党校院内）", w.Location);
        Assert.Equal(45m, w.AreaSquareMetres);
        Assert.Null(w.ManagingDepartment);
        Assert.Equal("区应急管理局", w.ManagedBy);
        Assert.Equal("0533-2270833", w.Contact.Phone);
        Assert.Equal("防火、防汛、应急救援物资", w.Contact.ReserveType);
        Assert.Equal(3544, w.SeedLine);
        Assert.Equal(3566, w.Contact.SeedLine);
    }

    [Fact]
    public void Only_the_municipal_services_warehouse_has_an_approximate_area()
    {
        var approximate = Assert.Single(Reference.Warehouses, w => w.AreaApproximate);
        Assert.Equal("张店区市政事业服务中心仓库", approximate.Name);
        Assert.Equal(40m, approximate.AreaSquareMetres);
    }

    [Fact]
    public void A_bracketed_managing_department_is_kept_apart_from_the_warehouse_name()
    {
        var w = Reference.Warehouses.Single(w => w.Number == 8);
        Assert.Equal("疾控中心仓库", w.Name);
        Assert.Equal("张店区卫生健康局", w.ManagingDepartment);
        Assert.Equal("张店区卫生健康局", w.ManagedBy);
    }

    [Fact]
    public void There_are_7_fire_rescue_units_six_stations_and_one_forest_squad()
    {
        // L3993 张店区共有6个消防救援站、一个森林消防中队
        Assert.Equal(7, Reference.FireStations.Count);
        Assert.Equal(6, Reference.FireStations.Count(s => s.Name.EndsWith("消防救援站", StringComparison.Ordinal)));
        Assert.Equal("张店区森林消防中队", Reference.FireStations[^1].Name);
    }

    [Fact]
    public void Wangshe_road_station_has_five_vehicles_on_four_rows_including_continuation_rows()
    {
        var station = Reference.FireStations[0];
        Assert.Equal("王舍路消防救援站", station.Name);
        Assert.Equal("0533-2270319", station.Phone);
        Assert.Equal(["斯堪尼亚城市主战车", "8吨泡沫消防车", "18吨泡沫消防车", "32米云梯消防车"], station.Vehicles.Select(v => v.Name));
        Assert.Equal(5, station.VehicleCount);
    }

    [Fact]
    public void The_fire_stations_hold_16_vehicles_in_all()
    {
        Assert.Equal(16, Reference.FireStations.Sum(s => s.VehicleCount));
    }

    [Fact]
    public void There_are_7_shelters_with_coordinates_area_and_capacity()
    {
        Assert.Equal(7, Reference.Shelters.Count);
        Assert.All(Reference.Shelters, s =>
        {
            Assert.InRange(s.Latitude, 36.7, 36.9);
            Assert.InRange(s.Longitude, 118.0, 118.8);
            Assert.True(s.AreaSquareMetres > 0);
            Assert.True(s.CapacityPeople > 0);
        });
    }

    [Fact]
    public void Zibo_central_square_covers_60000_square_metres_for_24000_people()
    {
        var square = Reference.Shelters.Single(s => s.Name == "淄博中心广场");
        Assert.Equal(6m, square.AreaTenThousandM2);
        Assert.Equal(60_000m, square.AreaSquareMetres);
        Assert.Equal(24_000, square.CapacityPeople);
        Assert.Equal("Ⅲ", square.ShelterClass);
        // L4147 118°2′7″ 36°48′12″
        Assert.Equal(118.035278, square.Longitude, 6);
        Assert.Equal(36.803333, square.Latitude, 6);
    }

    [Fact]
    public void Sixty_seconds_of_latitude_at_century_garden_is_carried_into_the_minutes()
    {
        // L4128 36°49′60″ = 36°50′
        var garden = Reference.Shelters.Single(s => s.Name == "世纪花园应急避难场所");
        Assert.Equal(36.833333, garden.Latitude, 6);
        Assert.Equal("118°0′47″ 36°49′60″", garden.CoordinatesText);
        Assert.NotNull(garden.Note);
    }

    [Fact]
    public void There_are_17_medical_units_each_with_a_zibo_phone_number()
    {
        Assert.Equal(17, Reference.MedicalUnits.Count);
        Assert.All(Reference.MedicalUnits, u => Assert.Matches(@"^0533-\d{7}$", u.Phone));
        Assert.Equal("0533-2126302", Reference.MedicalUnits.Single(u => u.Name == "张店区人民医院").Phone);
    }

    [Fact]
    public void Every_item_cites_a_line_inside_the_plan()
    {
        IEnumerable<int> lines =
        [
            .. Reference.Warehouses.SelectMany(w => new[] { w.SeedLine, w.Contact.SeedLine }),
            .. Reference.FireStations.SelectMany(s => s.Vehicles.Select(v => v.SeedLine).Prepend(s.SeedLine)),
            .. Reference.Shelters.Select(s => s.SeedLine),
            .. Reference.MedicalUnits.Select(u => u.SeedLine),
            .. Reference.SupportFunctions.Select(f => f.SeedLine),
        ];
        Assert.All(lines, l => Assert.InRange(l, 3351, 4258));
    }
}
