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
    [Id(3)] public List<string> LegalRepresentatives { get; set; } = [];
    [Id(4)] public string? EnterpriseType { get; set; }
    [Id(5)] public string? Street { get; set; }
    [Id(6)] public string? Unit { get; set; }
    [Id(7)] public List<CreditRecord> Records { get; set; } = [];
    /// <summary>Events the grain refused at apply time, with the reason (redelivery answers the same).</summary>
    [Id(8)] public Dictionary<string, string> RejectedEvents { get; set; } = [];
    /// <summary>Fan-out deliveries not yet acknowledged by their targets (redelivered until they are).</summary>
    [Id(9)] public List<FanOutDelivery> Outbox { get; set; } = [];
    /// <summary>Deliveries already applied here (targets dedupe on the derived id).</summary>
    [Id(10)] public HashSet<string> Received { get; set; } = [];
    /// <summary>Where each record was fanned out to, so revoking or repairing it does the same downstream.</summary>
    [Id(11)] public List<DerivedLink> Derived { get; set; } = [];
    [Id(12)] public PublishedEvaluation? Published { get; set; }
    [Id(13)] public long Version { get; set; }
    [Id(14)] public bool Exists { get; set; }
    /// <summary>Enterprise side: a merchant of the same code follows this record (§1).</summary>
    [Id(15)] public bool IsMerchant { get; set; }
    [Id(16)] public DateTimeOffset? WakeAt { get; set; }
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
