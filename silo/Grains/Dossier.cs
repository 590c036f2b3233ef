using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

/// <summary>A subject's persisted state: who it is, its records with their status history, and what is in flight.</summary>
[GenerateSerializer]
public sealed class Dossier : IProjectedState
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
    /// <summary>Objections to this subject's records (L815): the grain owns them; the objections table is their projection.</summary>
    [Id(17)] private List<ObjectionEntry>? _objections;
    public List<ObjectionEntry> ObjectionList { get => _objections ??= []; set => _objections = value; }
    public ObjectionEntry? FindObjection(string objectionId) => _objections?.Find(o => o.ObjectionId == objectionId);
    /// <summary>Change log lines for the next write (not serialized: the storage writes them beside the state).</summary>
    [NonSerialized] private PendingChanges? _changes;
    public PendingChanges Changes() => _changes ??= new(); // a method: no serializer (binary or the older JSON) sees it

    /// <summary>Published is the evaluation saved with this state, so the summary row agrees with the state it is written with.</summary>
    public SubjectSummary? Summary(string grainKey) =>
        Exists && Published is { } p && KindOf(grainKey) is { } kind
            ? new SubjectSummary(kind, GrainKeys.IdOf(grainKey), Name, p.Score, p.Grade, p.Stars, null, Street, p.Downgraded, Version)
            : null;

    public IReadOnlyList<Objection> Objections(string grainKey)
    {
        if (_objections is not { Count: > 0 } list || KindOf(grainKey) is not { } kind) return [];
        var id = GrainKeys.IdOf(grainKey);
        return [.. list.Select(o => new Objection(o.ObjectionId, o.RecordId, kind, id, o.Reason, o.NeedsOtherUnits, o.OpenedAt, o.DueAt,
            o.Status, o.Upheld, o.Note, o.ResolvedAt, Records.Find(r => r.RecordId == o.RecordId)?.Indicator))];
    }

    private static SubjectKind? KindOf(string grainKey) =>
        grainKey.IndexOf(':') is > 0 and var colon && SubjectKinds.TryParse(grainKey[..colon], out var kind) ? kind : null;
    /// <summary>Institutions (§1): their type and staff (domain-rules §6 unit honours).</summary>
    [Id(30)] public string? InstitutionType { get; set; }
    /// <summary>The 诚信红黑榜 place (domain-rules §9), set at each save; public_list is its projection (docs/portal.md).</summary>
    [Id(32)] public Core.Portal.PublicListing? Listing { get; set; }
    [NonSerialized] private Core.Portal.PublicListing? _listingWritten;
    [NonSerialized] private bool _listingKnown;

    /// <summary>Sets the listing; the projection row is written when it differs from the one last written.</summary>
    public void SetListing(Core.Portal.PublicListing? listing)
    {
        if (!_listingKnown) { _listingWritten = Listing; _listingKnown = true; } // as stored: the row agrees with it
        Listing = listing;
    }

    /// <summary>Rebuild (<paramref name="all"/>) writes the subjects on a list; a save writes the row when the listing changed.</summary>
    ListingRow? IProjectedState.ListRow(string grainKey, bool all) =>
        KindOf(grainKey) is { } kind && (all ? Listing is not null : _listingKnown && !Equals(_listingWritten, Listing))
            ? new ListingRow(kind, GrainKeys.IdOf(grainKey), Listing, Version)
            : null;

    /// <summary>双公示 (domain-rules §9): the penalties published, saved with the state; public_penalty is their projection.</summary>
    [Id(33)] public List<Core.Portal.PublicPenalty>? PublicPenalties { get; set; }
    [NonSerialized] private List<Core.Portal.PublicPenalty>? _penaltiesWritten;
    [NonSerialized] private bool _penaltiesKnown;

    public void SetPenalties(List<Core.Portal.PublicPenalty>? penalties)
    {
        if (!_penaltiesKnown) { _penaltiesWritten = PublicPenalties; _penaltiesKnown = true; }
        PublicPenalties = penalties;
    }

    private static bool Same(List<Core.Portal.PublicPenalty>? a, List<Core.Portal.PublicPenalty>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    PenaltyRows? IProjectedState.PenaltyRows(string grainKey, bool all)
    {
        if (KindOf(grainKey) is not { } kind || !(all ? PublicPenalties is not null : _penaltiesKnown && !Same(_penaltiesWritten, PublicPenalties))) return null;
        List<Core.Portal.PublicPenalty> now = PublicPenalties is { } p ? [.. p] : [];
        if (all) return new PenaltyRows(kind, GrainKeys.IdOf(grainKey), Name, now, Fresh: true);
        // Only the difference from what the table holds (the rows committed with the last state): a new fine is one insert.
        var before = _penaltiesWritten ?? [];
        var kept = new HashSet<Core.Portal.PublicPenalty>(now);
        var had = new HashSet<Core.Portal.PublicPenalty>(before);
        return new PenaltyRows(kind, GrainKeys.IdOf(grainKey), Name, [.. now.Where(r => !had.Contains(r))], Fresh: false,
            Removed: [.. before.Where(r => !kept.Contains(r)).Select(r => r.RecordId)], Whole: now);
    }

    void IProjectedState.PenaltiesCommitted(PenaltyRows written)
    {
        var whole = written.Whole ?? written.Items;
        _penaltiesWritten = whole.Count == 0 ? null : [.. whole];
        _penaltiesKnown = true;
    }

    void IProjectedState.ListingCommitted(ListingRow written)
    {
        _listingWritten = written.Entry;
        _listingKnown = true;
    }
    [Id(31)] private List<StaffMember>? _staff;
    public IReadOnlyList<StaffMember> Staff
    {
        get => (IReadOnlyList<StaffMember>?)_staff ?? [];
        set => _staff = value.Count == 0 ? null : [.. value];
    }
}

/// <summary>One objection (L815): open until the credit centre resolves it; upheld revokes the record.</summary>
[GenerateSerializer, Immutable]
public sealed record ObjectionEntry(
    [property: Id(0)] string ObjectionId,
    [property: Id(1)] string RecordId,
    [property: Id(2)] string? Reason,
    [property: Id(3)] bool NeedsOtherUnits,
    [property: Id(4)] DateOnly OpenedAt,
    [property: Id(5)] DateOnly DueAt,
    [property: Id(6)] string Status,
    [property: Id(7)] bool? Upheld,
    [property: Id(8)] string? Note,
    [property: Id(9)] DateOnly? ResolvedAt);

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
    [property: Id(3)] DateOnly AsOf,
    [property: Id(4)] bool Downgraded = false);
