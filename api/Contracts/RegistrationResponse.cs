namespace CreditGrid.Api.Contracts;

/// <summary>
/// The answer of PUT /api/v1/subjects/{kind}/{id}: the registration with personal IDs masked, never the evaluation
/// (http-api "Subjects"; issue 11 item 8).
/// </summary>
public sealed record RegistrationResponse(
    string Kind, string Id, string? Name, string? RegisteredAt, IReadOnlyList<string>? LegalRepresentatives,
    string? EnterpriseType, string? Street, string? Unit, long Version);
