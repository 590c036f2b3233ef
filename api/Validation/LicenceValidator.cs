using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Core;
using CreditGrid.Core.Records;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>Turns POST /api/v1/licences into a licence or refuses it (400 malformed, 422 domain rule); nothing stored on refusal.</summary>
public static class LicenceValidator
{
    public static Licence Validate(LicenceRequest r, Caller caller, DateOnly today)
    {
        var licenceId = Fields.Identifier(r.LicenceId, "licenceId");
        var kind = Fields.Kind(r.SubjectKind);
        if (kind is not (SubjectKind.Enterprise or SubjectKind.Merchant or SubjectKind.Institution))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "subjectKind",
                "行政许可只登记在企业（enterprise）、商户（merchant）或单位（institution）上。",
                "A licence is held by an enterprise, a merchant or an institution.");
        var subjectId = Fields.SubjectId(kind, r.SubjectId);
        var name = Fields.Text(Fields.Required(r.Name, "name"), "name", 200)!;
        var number = Fields.Text(Fields.Required(r.Number, "number"), "number", 100)!;
        Fields.Text(r.Content, "content", 2000);
        var decidedAt = Fields.NotFuture(Fields.Date(r.DecidedAt, "decidedAt"), today, "decidedAt");
        // http-api Conventions: each date at most 10 years after its reference (validFrom after decidedAt, validTo after validFrom).
        var validFrom = Fields.AtMostYearsAfter(Fields.Date(r.ValidFrom, "validFrom"), decidedAt, "validFrom", "decidedAt");
        var validTo = Fields.OptionalDate(r.ValidTo, "validTo"); // null = 长期
        if (validTo is { } to)
        {
            if (to < validFrom)
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "validTo",
                    "'validTo' 早于 'validFrom'：有效期截止日不能早于起始日。", "'validTo' is before 'validFrom'.");
            Fields.AtMostYearsAfter(to, validFrom, "validTo", "validFrom");
        }
        return new Licence(
            licenceId,
            // http-api "Department desk": a licence on a merchant is the licence of its enterprise (same code, §1).
            kind.ScoredAs(),
            subjectId, name, number, string.IsNullOrWhiteSpace(r.Content) ? null : r.Content,
            decidedAt, validFrom, validTo, caller.Department, today,
            // L483 双公示: due within 7 days of the decision.
            DoublePublicity.LicenceIsLate(decidedAt, today, RulesOptions.Default));
    }
}
