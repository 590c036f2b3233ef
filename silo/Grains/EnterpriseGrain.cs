using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Grains;

/// <summary>A market subject (L747-L760), scored by the enterprise table (L834-L1437).</summary>
[ImplicitStreamSubscription(GridStreams.FanOutEnterprise)]
public sealed class EnterpriseGrain([PersistentState("enterprise", "credit")] IPersistentState<Dossier> state, GridServices services)
    : SubjectGrain(state, services), IEnterpriseGrain
{
    protected override SubjectKind Kind => SubjectKind.Enterprise;

    protected override async Task OnRegistering(SubjectRegistration registration)
    {
        if (registration.LegalRepresentatives.Count > 0 || Dossier.LegalRepresentatives.Count > 0)
        {
            Dossier.LegalRepresentatives = [.. registration.LegalRepresentatives.Distinct()];
            await Services.LegalRepresentatives.Replace(Id, Dossier.LegalRepresentatives);
        }
    }

    /// <summary>
    /// L2439 联奖联罚: the enterprise's 表彰奖励/通报表扬 and severe-list records (and nothing else) are also recorded on each
    /// legal representative, scored with the catalogue's personRow (a range row takes the enterprise points clamped into it).
    /// </summary>
    protected override Task<IReadOnlyList<(SubjectKind Kind, string Id, string Indicator, int? Points)>> Targets(CreditRecord record)
    {
        var entry = Catalog.Get(record.Indicator);
        if (entry.PersonRow is not { } personRow || !JointRewardAndPunishment.Reaches(entry))
            return Task.FromResult<IReadOnlyList<(SubjectKind, string, string, int?)>>([]);
        var person = Catalog.Get(personRow);
        int? points = person.IsRange ? Math.Clamp(entry.Points ?? record.Points ?? 0, person.MinPoints!.Value, person.MaxPoints!.Value) : null;
        return Task.FromResult<IReadOnlyList<(SubjectKind, string, string, int?)>>(
            [.. Dossier.LegalRepresentatives.Select(p => (SubjectKind.Person, p, personRow, points))]);
    }

    /// <summary>A merchant of the same code follows this record (§1, §7).</summary>
    public async Task FollowAsMerchant()
    {
        if (Dossier.IsMerchant) return;
        Dossier.IsMerchant = true;
        await Save(eventId: null, deliveries: []);
    }

    protected override async Task Announce(EvaluationChange change)
    {
        await base.Announce(change);
        if (Dossier.IsMerchant) GrainFactory.Merchant(Id).EnterpriseChanged(change).Ignore();
    }
}
