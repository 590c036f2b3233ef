namespace CreditGrid.Api.Contracts;

/// <summary>POST /api/v1/public/applications (http-api "信用张店 public portal").</summary>
public sealed record ApplicationRequest(string? Type, string? SubjectKind, string? SubjectId, string? RecordId, string? Reason, string? Contact);

/// <summary>201 of a submission: the tracking code is shown this once (only its hash is stored).</summary>
public sealed record ApplicationCreated(string ApplicationId, string TrackingCode, string Status);

/// <summary>POST /api/v1/applications/{id}/accept, body optional.</summary>
public sealed record AcceptRequest(bool? NeedsOtherUnits);

/// <summary>POST /api/v1/applications/{id}/reject and …/refuse.</summary>
public sealed record ApplicationReasonRequest(string? Reason);

public sealed record ApplicationStepResponse(DateTimeOffset At, string Status, string? Note);

/// <summary>What the applicant sees with number + code: no contact, the subject's personal ID masked.</summary>
public sealed record PublicApplicationResponse(
    string ApplicationId, string Type, string Status, string SubjectKind, string SubjectId, string RecordId,
    DateTimeOffset ReceivedAt, DateOnly? DueAt, IReadOnlyList<ApplicationStepResponse> History);

/// <summary>One row of the credit centre's queue: contact masked, personal IDs masked.</summary>
public sealed record ApplicationItem(
    string ApplicationId, string Type, string Status, string SubjectKind, string SubjectId, string RecordId, string Reason,
    string Contact, DateTimeOffset ReceivedAt, DateOnly? DueAt, IReadOnlyList<ApplicationStepResponse> History);
