using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Core;
using CreditGrid.Core.Records;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>Turns POST /api/v1/commitments into a commitment or refuses it (400 malformed, 422 domain rule).</summary>
public static class CommitmentValidator
{
    public static Commitment Validate(CommitmentRequest r, Caller caller, DateOnly today)
    {
        var commitmentId = Fields.Identifier(r.CommitmentId, "commitmentId");
        var kind = Fields.Kind(r.SubjectKind);
        if (kind == SubjectKind.Institution)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "subjectKind",
                "信用承诺登记在企业、商户、个人或公职人员上（enterprise、merchant、person、official）。",
                "A commitment is made by an enterprise, a merchant, a person or an official.");
        var subjectId = Fields.SubjectId(kind, r.SubjectId);
        var type = Fields.Required(r.Kind, "kind");
        if (!CommitmentStatus.Kinds.Contains(type))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "kind",
                $"承诺类型应为{string.Join("、", CommitmentStatus.Kinds)}之一。", $"'kind' must be one of {string.Join(", ", CommitmentStatus.Kinds)}.");
        var text = Fields.Text(Fields.Required(r.Text, "text"), "text", 2000)!;
        var signedAt = Fields.NotFuture(Fields.Date(r.SignedAt, "signedAt"), today, "signedAt");
        // L2436 / L1471: natural persons are adults when they sign.
        if (kind.IsNaturalPerson()) Fields.Adult(subjectId, signedAt, "subjectId");
        return new Commitment(commitmentId, kind, subjectId, type, text, signedAt, caller.Department, today);
    }
}
