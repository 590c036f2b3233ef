using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Grains;

/// <summary>A natural person aged 18+ (L2436): 爱张店·诚信分, scored by the person table (L2497-L3288).</summary>
[ImplicitStreamSubscription(GridStreams.FanOutPerson)]
public sealed class PersonGrain([PersistentState("person", "credit")] IPersistentState<Dossier> state, GridServices services)
    : SubjectGrain(state, services), IPersonGrain
{
    protected override SubjectKind Kind => SubjectKind.Person;

    /// <summary>http-api: persons must be registered before events are recorded on them.</summary>
    protected override string? RefuseEvent(CreditEvent e) =>
        Dossier.Registered ? base.RefuseEvent(e) : "该自然人尚未登记，请先登记（PUT /api/v1/subjects/person/{id}）后再报送";

    /// <summary>L1059-L1062: a legal representative's listing as judgment debtor is recorded on every enterprise naming them.</summary>
    protected override async Task<IReadOnlyList<(SubjectKind Kind, string Id, string Indicator, int? Points)>> Targets(CreditRecord record)
    {
        if (Catalog.Get(record.Indicator).EnterpriseRow is not { } enterpriseRow) return [];
        var enterprises = await Services.LegalRepresentatives.EnterprisesOf(Id);
        return [.. enterprises.Select(e => (SubjectKind.Enterprise, e, enterpriseRow, (int?)null))];
    }
}
