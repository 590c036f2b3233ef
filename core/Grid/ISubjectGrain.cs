using Orleans.Concurrency;

namespace CreditGrid.Core.Grid;

/// <summary>A credit subject of any kind (domain-rules §1), keyed by its identifier. One grain class per kind.</summary>
public interface ISubjectGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates the subject; true when it was created.</summary>
    Task<bool> Register(SubjectRegistration registration);

    Task<bool> IsRegistered();

    /// <summary>The live evaluation, or on another date; null for a subject the grid has never heard of.</summary>
    Task<SubjectView?> View(DateOnly? asOf);

    /// <summary>
    /// The single-subject read (GET /subjects/{kind}/{id}): the view plus its nextChanges, which evaluate the rules on
    /// every candidate date and so are left out of the grid's own lookups.
    /// </summary>
    Task<SubjectView?> Read(DateOnly? asOf);

    /// <summary>Applies events in order; idempotent by eventId.</summary>
    Task<IReadOnlyList<ApplyOutcome>> Apply(IReadOnlyList<CreditEvent> events);

    Task<string?> RecordDepartment(string recordId);

    Task<RecordCommandResult> Revoke(string recordId, DateOnly on, string? reason, string? decisionRef);

    Task<RecordCommandResult> Repair(string recordId, DateOnly repairedAt, string? reason);

    /// <summary>Opens an objection (L815) on one of this subject's records; idempotent on the objection id.</summary>
    Task<ObjectionResult> OpenObjection(NewObjection request);

    /// <summary>Closes an open objection; upheld revokes its record.</summary>
    Task<ObjectionResult> ResolveObjection(string objectionId, DateOnly resolvedAt, bool upheld, string? note);

    /// <summary>A fan-out delivery from a linked subject (§6); idempotent by delivery id.</summary>
    Task Deliver(FanOutDelivery delivery);

    /// <summary>A target confirms a delivery from this subject's outbox.</summary>
    Task Acknowledge(string deliveryId);

    /// <summary>Re-evaluate now: due dates passed, or redeliver the outbox (called by the scheduler).</summary>
    Task Wake();
}

public interface IEnterpriseGrain : ISubjectGrain
{
    /// <summary>A merchant of the same code follows this record (§1, §7).</summary>
    Task FollowAsMerchant();
}

public interface IPersonGrain : ISubjectGrain;
public interface IOfficialGrain : ISubjectGrain;
public interface IInstitutionGrain : ISubjectGrain;

/// <summary>A shop on a pilot street; scored through the enterprise record of the same code (§1, §7).</summary>
public interface IMerchantGrain : IGrainWithStringKey
{
    Task<bool> Register(SubjectRegistration registration);
    Task<SubjectView?> View(DateOnly? asOf);
    /// <summary>The single-subject read: the view plus its nextChanges (the street's dates with the enterprise's).</summary>
    Task<SubjectView?> Read(DateOnly? asOf);
    /// <summary>The merchant's enterprise record changed.</summary>
    [OneWay]
    Task EnterpriseChanged(EvaluationChange change);

    Task<Street.MerchantCommandResult> Inspect(Street.Inspection inspection);
    Task<Street.MerchantCommandResult> Rectify(string findingId, DateOnly rectifiedAt, Street.StreetActor actor);
    /// <summary>Expels or readmits; <paramref name="department"/> is who did it (the change log names it).</summary>
    Task<Street.MerchantCommandResult> SetExpelled(bool expelled, string? reason, string department);
    Task<Street.MerchantCommandResult> Complain(Street.ComplaintSubmission submission);
    Task<Street.MerchantCommandResult> Verdict(string complaintId, bool substantiated, Street.StreetActor actor);
    Task<Street.MerchantCommandResult> ResolveComplaint(string complaintId, Street.StreetActor actor);
    Task<Street.MerchantCommandResult> AddReview(int stars, string? text);
    /// <summary>A consumer's review, at most <see cref="Street.ReviewSubmission.PerSourcePerDay"/> a day from one address (issue 15 item 6).</summary>
    Task<Street.MerchantCommandResult> Review(Street.ReviewSubmission submission);
    Task<Street.MerchantPublicView?> Public();
    /// <summary>A rectification deadline passed (or a complaint aged out): recompute the colour.</summary>
    Task Wake();
}

public static class SubjectGrains
{
    /// <summary>The grain holding a subject's credit records; merchants keep theirs on their enterprise (§1).</summary>
    public static ISubjectGrain Records(this IGrainFactory grains, SubjectKind kind, string id) => kind switch
    {
        SubjectKind.Enterprise or SubjectKind.Merchant => grains.GetGrain<IEnterpriseGrain>(GrainKeys.Of(SubjectKind.Enterprise, id)),
        SubjectKind.Person => grains.GetGrain<IPersonGrain>(GrainKeys.Of(kind, id)),
        SubjectKind.Official => grains.GetGrain<IOfficialGrain>(GrainKeys.Of(kind, id)),
        SubjectKind.Institution => grains.GetGrain<IInstitutionGrain>(GrainKeys.Of(kind, id)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IMerchantGrain Merchant(this IGrainFactory grains, string id) => grains.GetGrain<IMerchantGrain>(GrainKeys.Of(SubjectKind.Merchant, id));
}

/// <summary>
/// Grain keys are "kind:identifier". An all-digit resident ID as a bare key would be read by Orleans' ADO.NET storage
/// as a hexadecimal integer key (docs/sqlite-persistence.md pitfall 6); the prefix keeps every key a string, and keeps
/// a person and an official with the same ID apart.
/// </summary>
public static class GrainKeys
{
    public static string Of(SubjectKind kind, string id) => kind.ToWire() + ":" + id;

    public static string IdOf(string key) => key[(key.IndexOf(':') + 1)..];
}
