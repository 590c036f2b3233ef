using System.Globalization;
using CreditGrid.Api.Contracts;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Rules;

namespace CreditGrid.Api.Endpoints;

/// <summary>Domain values to the contract's JSON shapes.</summary>
public static class Mapping
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? d) => d is { } x ? Day(x) : null;

    /// <summary>http-api Conventions: first 6 and last 4 kept for personal identifiers.</summary>
    public static string Id(SubjectKind kind, string id, bool authorised) => kind.IsNaturalPerson() && !authorised ? ResidentId.Mask(id) : id;

    public static string Wire(this RecordStatus s) => s.ToString().ToLowerInvariant();

    public static string Wire(this EventState s) => s == EventState.Delivered ? "accepted" : s.ToString().ToLowerInvariant();

    public static SubjectResponse Subject(SubjectView v, bool authorised)
    {
        var e = v.Evaluation;
        // §1: institutions are not scored — score, grade, category and stars are null.
        return new SubjectResponse(
            v.Kind.ToWire(), Id(v.Kind, v.Id, authorised), v.Name, v.Kind.IsScored() ? e.Score : null, e.Grade, e.Category, e.Stars, v.Color,
            e.Downgraded, e.Consequences, Day(e.AsOf), v.Version, e.Bonus,
            v.Kind is SubjectKind.Enterprise or SubjectKind.Merchant
                ? [.. v.LegalRepresentatives.Select(p => Id(SubjectKind.Person, p, authorised))]
                : null,
            v.EnterpriseType, v.Street, v.Unit, Day(v.RegisteredAt),
            [.. e.Records.Select(Record)],
            v.InstitutionType,
            v.Kind == SubjectKind.Institution
                ? [.. v.Staff.Select(s => new StaffResponse(Id(SubjectKind.Person, s.PersonId, authorised), s.Role, Day(s.From), Day(s.To)))]
                : null,
            v.ColorReasons is { } reasons ? [.. reasons.Select(r => new ColorReasonResponse(r.Reason, r.Text, r.Ref))] : null,
            [.. v.NextChanges.Select(c => new NextChangeResponse(Day(c.On), c.What, c.Score, c.Grade, c.Stars, c.Color))]);
    }

    /// <summary>http-api "Subjects": the PUT answer is the registration, masked for everyone (it is no audited read).</summary>
    public static RegistrationResponse Registration(SubjectView v) => new(
        v.Kind.ToWire(), Id(v.Kind, v.Id, authorised: false), v.Name, Day(v.RegisteredAt),
        v.Kind is SubjectKind.Enterprise or SubjectKind.Merchant
            ? [.. v.LegalRepresentatives.Select(p => Id(SubjectKind.Person, p, authorised: false))]
            : null,
        v.EnterpriseType, v.Street, v.Unit, v.Version);

    public static RecordResponse Record(RecordEvaluation r) => new(
        r.RecordId, r.EventId, r.Indicator, r.Group, r.Name, r.Department, r.ActionRef, r.BasePoints, r.EffectivePoints,
        r.Status.Wire(), Day(r.OccurredAt), Day(r.ExpiresAt), r.Late, r.DerivedFrom, r.Explanation, r.Citation);

    public static EventStatusResponse Event(EventStatus s, bool authorised) => new(
        s.EventId, s.State.Wire(), s.SubjectKind.ToWire(), Id(s.SubjectKind, s.SubjectId, authorised), s.RecordIds, s.Reason);

    /// <summary>The record's group and name come from the catalogue (codes never change meaning: http-api Conventions).</summary>
    public static ObjectionResponse Objection(ObjectionListing listing, DateOnly today, bool authorised)
    {
        var o = listing.Objection;
        var entry = o.Indicator is { } code && Core.Catalog.IndicatorCatalog.Default.TryGet(code, out var e) ? e : null;
        return new(o.ObjectionId, o.RecordId, o.SubjectKind.ToWire(), Id(o.SubjectKind, o.SubjectId, authorised), listing.SubjectName,
            entry?.Group, entry?.Name, o.Status, Day(o.OpenedAt), Day(o.DueAt), o.Status == "open" && o.DueAt < today, o.Reason,
            o.NeedsOtherUnits, o.Upheld, o.Note, Day(o.ResolvedAt), listing.SubjectRef);
    }
}
