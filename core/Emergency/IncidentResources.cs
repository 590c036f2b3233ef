namespace CreditGrid.Core.Emergency;

/// <summary>
/// What the operators need beside an incident (§8, L3542-L3612, tables 9.3-9.5): the reserve warehouses run by its lead
/// departments (all of them when none is), shelters largest first, the fire-rescue stations, the medical units.
/// The plan gives no coordinates for stations or warehouses, so "nearest" cannot be computed; stations are listed
/// with their vehicles, most vehicles first.
/// </summary>
public static class IncidentResources
{
    public sealed record Selection(
        IReadOnlyList<ReserveWarehouse> Warehouses,
        bool WarehousesMatchLeads,
        IReadOnlyList<Shelter> Shelters,
        IReadOnlyList<FireStation> FireStations,
        IReadOnlyList<MedicalUnit> MedicalUnits);

    public static Selection For(IncidentView incident)
    {
        var reference = EmergencyReference.Default;
        var matched = reference.Warehouses
            .Where(w => incident.LeadDepartments.Any(d => Related(d, w.ManagedBy) || Related(d, w.Contact.Unit)))
            .ToList();
        return new Selection(
            matched.Count > 0 ? matched : reference.Warehouses,
            matched.Count > 0,
            [.. reference.Shelters.OrderByDescending(s => s.CapacityTenThousandPeople)],
            [.. reference.FireStations.OrderByDescending(s => s.VehicleCount)],
            reference.MedicalUnits);
    }

    /// <summary>"区应急管理局" and "张店区应急管理局" are the same unit: compare without the district prefixes.</summary>
    private static bool Related(string department, string unit)
    {
        static string Core(string s) => s.Replace("张店区", "", StringComparison.Ordinal).Replace("区", "", StringComparison.Ordinal).Replace("市", "", StringComparison.Ordinal);
        var a = Core(department);
        var b = Core(unit);
        return a.Length > 1 && b.Length > 1 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }
}
