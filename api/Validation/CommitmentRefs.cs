using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>
/// `commitmentRef` on a credit event (http-api "Credit events", domain-rules §10): only on the E-PLEDGE-* rows (虚假承诺 /
/// 违反信用承诺), naming a registered commitment of the same subject, else 422 and nothing stored.
/// </summary>
public static class CommitmentRefs
{
    /// <summary>The shape and the row, checked with the rest of the body (no store needed).</summary>
    public static string? Validate(string? commitmentRef, string indicator)
    {
        if (commitmentRef is null) return null;
        Fields.Identifier(commitmentRef, "commitmentRef");
        if (!CommitmentStatus.IsPledgeRow(indicator))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "commitmentRef",
                "commitmentRef 只用于虚假承诺、违反信用承诺行（E-PLEDGE-*）。",
                "commitmentRef is only for the false-declaration and broken-commitment rows (E-PLEDGE-*).");
        return commitmentRef;
    }

    /// <summary>The commitment exists and belongs to the event's subject (a merchant's is its enterprise's, §1).</summary>
    public static async Task Check(ICommitmentRegistry commitments, CreditEvent e, CancellationToken ct)
    {
        if (e.CommitmentRef is not { } id) return;
        var found = await commitments.Find(id, ct);
        if (found is null)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "commitmentRef",
                $"信用承诺“{id}”未登记：请先登记承诺（POST /api/v1/commitments）。",
                $"No commitment '{id}' is registered: register it first (POST /api/v1/commitments).");
        if (!CommitmentStatus.SameSubject(found, e.SubjectKind, e.SubjectId))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "commitmentRef",
                $"信用承诺“{id}”是其他主体的承诺，不能作为本主体的违诺记录。",
                $"Commitment '{id}' belongs to another subject.");
    }
}
