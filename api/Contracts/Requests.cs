namespace CreditGrid.Api.Contracts;

/// <summary>POST /api/v1/events (http-api "Credit events"). Strings for dates so errors can name the field.</summary>
public sealed record EventRequest(
    string? EventId,
    string? SubjectKind,
    string? SubjectId,
    string? Indicator,
    string? OccurredAt,
    string? EndedAt,
    string? ActionRef,
    int? Points,
    decimal? Amount,
    string? AmountKind,
    int? ValidityYears,
    string? Note,
    string? HonourScope = null,
    bool? SimplifiedProcedure = null,
    bool? MinorCorrected = null,
    string? PenaltyKind = null,
    string? CommitmentRef = null);

/// <summary>POST /api/v1/events:batch: up to 1000 events, each read and answered on its own.</summary>
public sealed record BatchRequest(IReadOnlyList<EventRequest> Events);

/// <summary>PUT /api/v1/subjects/{kind}/{id}.</summary>
public sealed record SubjectRequest(
    string? Name,
    string? RegisteredAt,
    List<string>? LegalRepresentatives,
    string? EnterpriseType,
    string? Street,
    string? Unit,
    string? InstitutionType = null,
    List<StaffRequest?>? Staff = null);

/// <summary>One staff member of an institution (http-api "Institutions and unit honours").</summary>
public sealed record StaffRequest(string? PersonId, string? Role, string? From, string? To = null);

public sealed record RevokeRequest(string? Reason, string? DecisionRef);

public sealed record RepairRequest(string? RepairedAt, string? Reason, string? ApplicationId = null);

public sealed record ObjectionRequest(string? ObjectionId, string? Reason, bool? NeedsOtherUnits);

public sealed record ResolveRequest(bool? Upheld, string? Note);
