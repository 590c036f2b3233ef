namespace CreditGrid.Api.Contracts;

/// <summary>POST /api/v1/licences (http-api "Department desk"). Strings for dates so errors can name the field.</summary>
public sealed record LicenceRequest(
    string? LicenceId,
    string? SubjectKind,
    string? SubjectId,
    string? Name,
    string? Number,
    string? Content,
    string? DecidedAt,
    string? ValidFrom,
    string? ValidTo);

/// <summary>A licence as stored (a merchant's on its enterprise); validTo null = 长期.</summary>
public sealed record LicenceResponse(
    string LicenceId, string SubjectKind, string SubjectId, string Name, string Number, string? Content,
    DateOnly DecidedAt, DateOnly ValidFrom, DateOnly? ValidTo, string Department, DateOnly ReportedAt, bool Late);

/// <summary>POST /api/v1/commitments (http-api "Department desk").</summary>
public sealed record CommitmentRequest(
    string? CommitmentId,
    string? SubjectKind,
    string? SubjectId,
    string? Kind,
    string? Text,
    string? SignedAt);

/// <summary>A commitment with its status: active, or breached by the record named in breachedBy. Person and official ids masked.</summary>
public sealed record CommitmentResponse(
    string CommitmentId, string SubjectKind, string SubjectId, string Kind, string Text, DateOnly SignedAt, string Department,
    DateOnly RegisteredAt, string Status, string? BreachedBy);

/// <summary>`{ total, page, pageSize, items }` (http-api Conventions).</summary>
public sealed record PagedResponse<T>(long Total, int Page, int PageSize, IReadOnlyList<T> Items);

/// <summary>GET /api/v1/checks/{kind}/{id}?purpose= (domain-rules §10): the measure that applies, with its article.</summary>
public sealed record CheckResponse(
    string Kind, string Id, string? Grade, string? Category, int? Stars, string Purpose, string Outcome,
    IReadOnlyList<string> Measures, string Citation, DateOnly AsOf);
