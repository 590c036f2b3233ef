using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>
/// The checks of an event against its subject as the grid holds it, after <see cref="EventValidator"/> has checked the
/// request itself: one place for POST /events, events:batch and file imports, so all three refuse the same events with
/// the same messages. Persons are looked up once per instance (a batch or an import asks about the same person often).
/// </summary>
public sealed class SubjectChecks(IGrainFactory grains, IEventIntake intake, ICommitmentRegistry commitments)
{
    private readonly Dictionary<string, bool> _registered = new(StringComparer.Ordinal);

    public async Task Check(CreditEvent e, CancellationToken ct)
    {
        // http-api: persons must be registered before an event is recorded on them. For an eventId that already exists
        // the intake answers (200 same body, 409 otherwise) whatever the registration: otherwise a reporter re-posting a
        // known id with a person body would learn from 409 vs 422 whether that person is registered (issue 11 item 11).
        if (e.SubjectKind == SubjectKind.Person && !await Registered(e.SubjectId) && await intake.Status(e.EventId, ct) is null)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "subjectId", "该自然人尚未登记：请先用 PUT /api/v1/subjects/person/{id} 登记。",
                "The person is not registered: register it first with PUT /api/v1/subjects/person/{id}.");
        await DonationRow(e);
        await CommitmentRefs.Check(commitments, e, ct);
    }

    /// <summary>§3.4: a donation is reported on the row of the subject's own type (registered, else read from the USCC).</summary>
    private async Task DonationRow(CreditEvent e)
    {
        if (e.Indicator is not (DonationRows.Company or DonationRows.IndividualBusiness)) return;
        var registeredType = (await grains.Records(SubjectKind.Enterprise, e.SubjectId).View(null))?.EnterpriseType;
        if (DonationRows.WrongRow(e.Indicator, registeredType, e.SubjectId) is { } right)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "indicator",
                right == DonationRows.IndividualBusiness
                    ? $"该主体是个体工商户，捐款捐物应报送“个体工商户捐款捐物”行（{right}）。"
                    : $"该主体不是个体工商户，捐款捐物应报送“企业捐款捐物”行（{right}）。",
                right == DonationRows.IndividualBusiness
                    ? $"The subject is an individual business: report donations on the individual-business donation row ({right})."
                    : $"The subject is not an individual business: report donations on the company donation row ({right}).");
    }

    private async Task<bool> Registered(string personId)
    {
        if (!_registered.TryGetValue(personId, out var known))
            _registered[personId] = known = await grains.Records(SubjectKind.Person, personId).IsRegistered();
        return known;
    }
}
