using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// http-api "Department desk": the credit check before a decision (事前信用核查, domain-rules §10). The rule is
/// <see cref="CreditCheck"/> in core; every check is written to the audit trail, and it is the one read that answers a
/// person's or official's id unmasked.
/// </summary>
public static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/checks").MapGet("/{kind}/{id}", Check)
            .RequireAuthorization(Policies.ReadEvents)
            .WithName("CreditCheck")
            .WithSummary("What the subject's credit category means for a decision: ?purpose=fiscal-funds|awards|simplified-procedure|inspection-plan; audited")
            .Produces<CheckResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        return app;
    }

    private static async Task<IResult> Check(string kind, string id, string? purpose, HttpContext http, IGrainFactory grains, IAuditTrail audit, GridClock clock)
    {
        if (!SubjectKinds.TryParse(kind, out var k))
            return Problems.NotFound($"“{kind}”不是主体类型。", $"'{kind}' is not a subject kind.");
        if (!CreditCheck.TryParse(purpose, out var p))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "purpose",
                $"核查用途 purpose 应为 {string.Join("、", CreditCheck.Purposes)} 之一（财政性资金项目、评优评先、简化程序、检查频次）。",
                $"'purpose' must be one of {string.Join(", ", CreditCheck.Purposes)}.");
        if (k == SubjectKind.Institution)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "kind",
                "单位（非企业法人）不参与公共信用评价，没有可核查的信用类别。", "Institutions are not evaluated: there is no category to check.");
        Fields.SubjectId(k, id, "id");
        var view = k == SubjectKind.Merchant
            ? await grains.IsMerchant(id) ? await grains.Merchant(id).View(null) : null
            : await grains.Records(k, id).View(null);
        if (view is null)
            return Problems.NotFound($"没有该主体（{Mapping.Id(k, id, authorised: false)}）。", $"No {kind} '{Mapping.Id(k, id, authorised: false)}'.");

        var answer = CreditCheck.Decide(k, view.Evaluation, p);
        var caller = Caller.From(http.User);
        // domain-rules §10: every check is audited (the purpose is the check's own).
        await audit.Write(new AuditEntry(clock.Now, caller.KeyId, caller.Department, caller.MainRole(Roles.Reporter, Roles.CreditCenter, Roles.Operator),
            "credit-check", k, id, p.ToWire()), http.RequestAborted);
        var e = view.Evaluation;
        return TypedResults.Ok(new CheckResponse(kind, id, e.Grade, e.Category, e.Stars, p.ToWire(), answer.Outcome, answer.Measures, answer.Citation, e.AsOf));
    }
}
