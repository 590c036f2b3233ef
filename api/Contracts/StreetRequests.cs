namespace CreditGrid.Api.Contracts;

public sealed record InspectionRequest(string? InspectionId, string? Date, List<FindingRequest>? Findings);

public sealed record FindingRequest(string? FindingId, string? Area, string? Problem, string? Deadline);

public sealed record RectifyRequest(string? RectifiedAt);

public sealed record ExpelRequest(string? Reason);

public sealed record ComplaintRequest(string? Text, string? Contact);

public sealed record VerdictRequest(bool? Substantiated);

public sealed record ReviewRequest(int? Stars, string? Text);

public sealed record MerchantStatusResponse(string MerchantId, string? Color, string? Grade, int Score);
