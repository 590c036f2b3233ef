using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>One row of table 9.2 (L3914-L3990): a support function with its lead and cooperating departments.</summary>
[GenerateSerializer, Immutable]
public sealed record SupportFunctionInfo(
    [property: Id(0)] string Function,
    [property: Id(1)] int Number,
    [property: Id(2)] IReadOnlyList<string> LeadDepartments,
    [property: Id(3)] IReadOnlyList<string> CooperatingDepartments,
    [property: Id(4)] int SeedLine)
{
    // L3932 the lead cell may name "突发事件主要牵头部门": whoever leads the event itself (table 9.1).
    public const string EventLead = "突发事件主要牵头部门";

    /// <summary>The lead departments for an incident of the given type, resolving <see cref="EventLead"/>.</summary>
    public IReadOnlyList<string> LeadsFor(EventTypeInfo type) =>
        LeadDepartments.SelectMany(d => d == EventLead ? type.LeadDepartments : [d]).Distinct().ToArray();
}
