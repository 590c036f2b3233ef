using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Grains;

/// <summary>A subject's persisted state: who it is, its records with their status history, and what is in flight.</summary>
[GenerateSerializer]
public sealed class Dossier
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public DateOnly? RegisteredAt { get; set; }
    // Collections that most subjects never use stay null until first written (each empty one cost 32-80 bytes in every
    // resident grain: docs/benchmarks.md, memory); the serializer writes the fields, so null stays null when stored.
    [Id(3)] private List<string>? _legalRepresentatives;
    public IReadOnlyList<string> LegalRepresentatives
    {
        get => (IReadOnlyList<string>?)_legalRepresentatives ?? [];
        set => _legalRepresentatives = value.Count == 0 ? null : [.. value];
    }
    [Id(4)] public string? EnterpriseType { get; set; }
    [Id(5)] public string? Street { get; set; }
    [Id(6)] public string? Unit { get; set; }
    [Id(7)] public List<CreditRecord> Records { get; set; } = [];
    /// <summary>Events the grain refused at apply time, with the reason (redelivery answers the same).</summary>
    [Id(8)] private Dictionary<string, string>? _rejectedEvents;
    public Dictionary<string, string> RejectedEvents { get => _rejectedEvents ??= []; set => _rejectedEvents = value; }
    public bool WasRejected(string eventId, out string reason)
    {
        reason = "";
        return _rejectedEvents is not null && _rejectedEvents.TryGetValue(eventId, out reason!);
    }
    /// <summary>Fan-out deliveries not yet acknowledged by their targets (redelivered until they are).</summary>
    [Id(9)] private List<FanOutDelivery>? _outbox;
    public List<FanOutDelivery> Outbox { get => _outbox ??= []; set => _outbox = value; }
    public bool HasOutbox => _outbox is { Count: > 0 };
    public bool HasPendingDelivery(string sourceEventId) => _outbox is not null && _outbox.Exists(d => d.SourceEventId == sourceEventId);
    /// <summary>Deliveries already applied here (targets dedupe on the derived id).</summary>
    [Id(10)] private HashSet<string>? _received;
    public HashSet<string> Received { get => _received ??= []; set => _received = value; }
    public bool HasReceived(string deliveryId) => _received is not null && _received.Contains(deliveryId);
    /// <summary>Where each record was fanned out to, so revoking or repairing it does the same downstream.</summary>
    [Id(11)] private List<DerivedLink>? _derived;
    public List<DerivedLink> Derived { get => _derived ??= []; set => _derived = value; }
    public IEnumerable<DerivedLink> DerivedFrom(string recordId) => _derived?.Where(l => l.SourceRecordId == recordId) ?? [];
    [Id(12)] public PublishedEvaluation? Published { get; set; }
    [Id(13)] public long Version { get; set; }
    [Id(14)] public bool Exists { get; set; }
    /// <summary>Enterprise side: a merchant of the same code follows this record (§1).</summary>
    [Id(15)] public bool IsMerchant { get; set; }
    [Id(16)] public DateTimeOffset? WakeAt { get; set; }
    /// <summary>Institutions (§1): their type and staff (domain-rules §6 unit honours).</summary>
    [Id(30)] public string? InstitutionType { get; set; }
    [Id(31)] private List<StaffMember>? _staff;
    public IReadOnlyList<StaffMember> Staff
    {
        get => (IReadOnlyList<StaffMember>?)_staff ?? [];
        set => _staff = value.Count == 0 ? null : [.. value];
    }
}

[GenerateSerializer, Immutable]
public sealed record DerivedLink(
    [property: Id(0)] string SourceRecordId,
    [property: Id(1)] SubjectKind TargetKind,
    [property: Id(2)] string TargetId,
    [property: Id(3)] string TargetRecordId);

/// <summary>The last evaluation the grain published, to tell what changed.</summary>
[GenerateSerializer, Immutable]
public sealed record PublishedEvaluation(
    [property: Id(0)] int Score,
    [property: Id(1)] string? Grade,
    [property: Id(2)] int? Stars,
    [property: Id(3)] DateOnly AsOf);
