namespace CreditGrid.Api.Contracts;

public sealed record EventAccepted(string EventId, string Status);

public sealed record EventStatusResponse(
    string EventId, string Status, string SubjectKind, string SubjectId, IReadOnlyList<string> RecordIds, string? Reason);

public sealed record BatchResult(string? EventId, int StatusCode, string Status, object? Problem);

public sealed record BatchResponse(IReadOnlyList<BatchResult> Results);

/// <summary>GET /api/v1/subjects/{kind}/{id}.</summary>
public sealed record SubjectResponse(
    string Kind, string Id, string? Name, int? Score, string? Grade, string? Category, int? Stars, string? Color,
    bool Downgraded, IReadOnlyList<string> Consequences, string AsOf, long Version, int Bonus,
    IReadOnlyList<string>? LegalRepresentatives, string? EnterpriseType, string? Street, string? Unit, string? RegisteredAt,
    IReadOnlyList<RecordResponse> Records, string? InstitutionType = null, IReadOnlyList<StaffResponse>? Staff = null,
    IReadOnlyList<ColorReasonResponse>? ColorReasons = null, IReadOnlyList<NextChangeResponse>? NextChanges = null);

/// <summary>http-api "Subjects": a date after asOf on which the evaluation changes by itself, with the values from that day on.</summary>
public sealed record NextChangeResponse(string On, string What, int? Score, string? Grade, int? Stars, string? Color);

/// <summary>http-api "Subjects": one reason for a merchant's colour; ref names the finding, complaint or record.</summary>
public sealed record ColorReasonResponse(string Reason, string Text, string? Ref);

/// <summary>An institution's staff member; the ID unmasked only in the audited single read.</summary>
public sealed record StaffResponse(string PersonId, string Role, string From, string? To);

public sealed record RecordResponse(
    string RecordId, string EventId, string Indicator, string Group, string Name, string Department, string? ActionRef,
    int BasePoints, int EffectivePoints, string Status, string OccurredAt, string? ExpiresAt, bool Late, string? DerivedFrom,
    string Explanation, string Citation);

public sealed record RecordActionResponse(string RecordId, string Status, IReadOnlyList<string> AffectedRecordIds);

/// <summary>http-api "Work queues": an objection with its subject's name and its record's group/name.</summary>
public sealed record ObjectionResponse(
    string ObjectionId, string RecordId, string SubjectKind, string SubjectId, string? Name, string? Group, string? RecordName,
    string Status, string OpenedAt, string DueAt, bool Overdue, string? Reason, bool NeedsOtherUnits, bool? Upheld, string? Note,
    string? ResolvedAt, string? Ref = null);

public sealed record AuditResponse(string At, string Actor, string Department, string Role, string Action, string SubjectKind, string SubjectId, string? Purpose);
