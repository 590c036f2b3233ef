using CreditGrid.Api.Contracts;
using CreditGrid.Api.Endpoints;
using Microsoft.OpenApi;

namespace CreditGrid.Api.OpenApi;

/// <summary>
/// Request records take every field as nullable so that a missing one is answered by the validator with a problem
/// naming it (400), not by the serializer. In the document a field is required only when the API requires it; the
/// schema generator would otherwise mark every constructor parameter required. A request type not listed here has
/// no required field in the document.
/// </summary>
public static class RequiredFields
{
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(EventRequest)] = ["eventId", "subjectKind", "subjectId", "indicator", "occurredAt"],
        [typeof(BatchRequest)] = ["events"],
        [typeof(StaffRequest)] = ["personId", "role", "from"],
        [typeof(RepairRequest)] = ["repairedAt"],
        [typeof(ObjectionRequest)] = ["objectionId"],
        [typeof(ResolveRequest)] = ["upheld"],
        [typeof(InspectionRequest)] = ["inspectionId", "date"],
        [typeof(FindingRequest)] = ["findingId", "area", "problem", "deadline"],
        [typeof(RectifyRequest)] = ["rectifiedAt"],
        [typeof(ComplaintRequest)] = ["text"],
        [typeof(VerdictRequest)] = ["substantiated"],
        [typeof(ReviewRequest)] = ["stars"],
        [typeof(IncidentRequest)] = ["incidentId", "title", "type", "severity", "occurredAt"],
        [typeof(LevelRequest)] = ["level"],
        [typeof(ReleaseRequest)] = ["kind", "at"],
        [typeof(ImportRequest)] = ["file", "format"],
        [typeof(LicenceRequest)] = ["licenceId", "subjectKind", "subjectId", "name", "number", "decidedAt", "validFrom"],
        [typeof(ApplicationRequest)] = ["type", "subjectKind", "subjectId", "recordId", "reason", "contact"],
        [typeof(ApplicationReasonRequest)] = ["reason"],
        [typeof(CommitmentRequest)] = ["commitmentId", "subjectKind", "subjectId", "kind", "text", "signedAt"],
    };

    public static void Apply(OpenApiSchema schema, Type type)
    {
        if (!type.Name.EndsWith("Request", StringComparison.Ordinal) || schema.Properties is null) return;
        schema.Required = Required.TryGetValue(type, out var fields) ? new HashSet<string>(fields) : new HashSet<string>();
    }
}
