using CreditGrid.Core.Grid;
using Orleans.Concurrency;

namespace CreditGrid.Core.Emergency;

/// <summary>GET /api/v1/emergencies/{id} (http-api "Emergency plans"): the incident as operators see it.</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentView
{
    [Id(0)] public required string IncidentId { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Type { get; init; }
    [Id(3)] public required string Category { get; init; }
    [Id(4)] public required string Severity { get; init; }
    /// <summary>reported | warning | responding | ended (§8 lifecycle).</summary>
    [Id(5)] public required string Status { get; init; }
    [Id(6)] public int? WarningLevel { get; init; }
    [Id(7)] public string? WarningColor { get; init; }
    [Id(8)] public int? ResponseLevel { get; init; }
    [Id(9)] public string? Commander { get; init; }
    [Id(10)] public required IReadOnlyList<string> LeadDepartments { get; init; }
    [Id(11)] public required IReadOnlyList<DeadlineView> Deadlines { get; init; }
    [Id(12)] public required IReadOnlyList<IncidentHistoryEntry> History { get; init; }
    [Id(13)] public required DateTimeOffset OccurredAt { get; init; }
    [Id(14)] public string? Location { get; init; }
    /// <summary>Who decides the current response level (L3386).</summary>
    [Id(15)] public string? DecidedBy { get; init; }
    /// <summary>Who leads by severity (L3386): 区委、区政府 for 一般; the city (and province) above — shown as escalation.</summary>
    [Id(16)] public required string LeadingJurisdiction { get; init; }
    [Id(17)] public required bool Escalated { get; init; }
    [Id(18)] public DateTimeOffset? EndedAt { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record DeadlineView(
    [property: Id(0)] string Kind,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] DateTimeOffset? DoneAt,
    [property: Id(3)] bool Overdue);

/// <summary>Who changed what, when (the incident's full history).</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Change,
    [property: Id(3)] string Detail);

/// <summary>POST /api/v1/emergencies, validated.</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentReport(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Type,
    [property: Id(3)] Severity Severity,
    [property: Id(4)] DateTimeOffset OccurredAt,
    [property: Id(5)] string? Location,
    [property: Id(6)] string By);

/// <summary>What an incident command did: the incident after it, or why not (unknown, makes no sense now, breaks a rule).</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentResult(
    [property: Id(0)] IncidentView? View,
    [property: Id(1)] Outcome Outcome,
    [property: Id(2)] bool Created = false);

/// <summary>One incident (张政字〔2021〕95号): reported → warning → responding (adjustable) → ended, with release deadlines.</summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    Task<IncidentResult> Report(IncidentReport report);
    Task<IncidentResult> Warn(int level, string by);
    Task<IncidentResult> LiftWarning(string by);
    Task<IncidentResult> Respond(int level, string by);
    Task<IncidentResult> Release(string kind, DateTimeOffset at, string by);
    Task<IncidentResult> End(string by);
    [ReadOnly] Task<IncidentView?> View();
    /// <summary>A release deadline passed: mark it overdue and push the change.</summary>
    Task Wake();
}

/// <summary>All incidents' latest views, for the lists (kept by the incidents themselves; no scan).</summary>
public interface IIncidentDirectoryGrain : IGrainWithIntegerKey
{
    Task Update(IncidentView view);
    [ReadOnly] Task<IReadOnlyList<IncidentView>> List(string? status);
}

/// <summary>What changed, for emergencyChanged (http-api "Live dashboard").</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentChange([property: Id(0)] IncidentView Incident, [property: Id(1)] string Change);

public static class IncidentGrains
{
    /// <summary>Incident grains are keyed "incident:&lt;id&gt;" (string keys that never look numeric to storage).</summary>
    public static IIncidentGrain Incident(this IGrainFactory grains, string incidentId) => grains.GetGrain<IIncidentGrain>("incident:" + incidentId);
}
