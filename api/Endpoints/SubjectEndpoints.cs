using CreditGrid.Api.Auth;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Subjects": register (credit centre) and read the live evaluation (audited for persons).</summary>
public static class SubjectEndpoints
{
    private static readonly string[] EnterpriseTypes = ["company", "individual-business", "cooperative", "other"];

    public static IEndpointRouteBuilder MapSubjects(this IEndpointRouteBuilder app)
    {
        var subjects = app.MapGroup("/api/v1/subjects").WithTags("Subjects");

        subjects.MapPut("/{kind}/{id}", Register)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("RegisterSubject")
            .WithSummary("Register or update a subject (201 created, 200 updated); the answer is the registration, IDs masked")
            .Accepts<SubjectRequest>("application/json")
            .WithRequestExample(Examples.SubjectRequest)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422);

        subjects.MapGet("/{kind}/{id}", Read)
            .RequireAuthorization(Policies.Read)
            .WithName("GetSubject")
            .WithSummary("The live evaluation of a subject, or as of another date (?asOf=YYYY-MM-DD); by its search ref: masked, unless ?reveal=true (audited)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        return app;
    }

    private static async Task<Results<Created<RegistrationResponse>, Ok<RegistrationResponse>, ApiProblem>> Register(
        string kind, string id, HttpContext http, IGrainFactory grains, IAuditTrail audit, GridClock clock)
    {
        if (!SubjectKinds.TryParse(kind, out var k)) return UnknownKind(kind);
        Fields.SubjectId(k, id, "id");
        var request = await JsonBody.ReadAs<SubjectRequest>(http.Request, 1024 * 1024);
        var registration = Validate(k, id, request, clock.Today);
        var created = k == SubjectKind.Merchant
            ? await grains.Merchant(id).Register(registration)
            : await grains.Records(k, id).Register(registration);
        var view = k == SubjectKind.Merchant ? await grains.Merchant(id).View(null) : await grains.Records(k, id).View(null);
        // The answer is masked, but a person's registration (and the Location naming its ID) is personal data: audited.
        if (k.IsNaturalPerson())
        {
            var caller = Caller.From(http.User);
            await audit.Write(new AuditEntry(clock.Now, caller.KeyId, caller.Department, caller.MainRole(Roles.CreditCenter),
                "register-subject", k, id, Purpose(http)), http.RequestAborted);
        }
        var body = Mapping.Registration(view!);
        return created ? TypedResults.Created($"/api/v1/subjects/{kind}/{id}", body) : TypedResults.Ok(body);
    }

    private static async Task<Results<Ok<SubjectResponse>, ApiProblem>> Read(string kind, string id, string? asOf, string? reveal, HttpContext http,
        IGrainFactory grains, IAuditTrail audit, ISubjectSearch search, GridClock clock)
    {
        if (!SubjectKinds.TryParse(kind, out var k)) return UnknownKind(kind);
        var date = Fields.OptionalDate(asOf, "asOf");
        // http-api Conventions: asOf in the sane range too, at most 10 years ahead of today.
        if (date is { } d) Fields.AtMostYearsAfter(d, clock.Today, "asOf", "今天");
        if (reveal is not (null or "true" or "false"))
            throw Invalid.Field(StatusCodes.Status400BadRequest, "reveal", "'reveal' 应为 true 或 false。", "'reveal' must be true or false.");
        // A search `ref` (docs/search.md): the page masked and not audited, until reveal=true makes it the audited read.
        var masked = false;
        if (SubjectHandle.IsHandle(id))
        {
            if (await search.ByHandle(id, http.RequestAborted) is not { } found || found.Kind != k) return UnknownSubject(kind, id);
            (id, masked) = (found.Id, reveal != "true");
        }
        var view = k == SubjectKind.Merchant ? await grains.Merchant(id).Read(date) : await grains.Records(k, id).Read(date); // with nextChanges
        if (view is null) return UnknownSubject(kind, k.IsNaturalPerson() ? Mapping.Id(k, id, false) : id);
        if (masked) return TypedResults.Ok(Mapping.Subject(view, authorised: false));
        var caller = Caller.From(http.User);
        // Every unmasked personal ID in the answer is an audited read (issue 11 item 8): the subject itself, and each
        // legal representative an enterprise or merchant names, so the person's own audit trail shows it.
        var role = caller.MainRole(Roles.Operator, Roles.CreditCenter);
        if (k.IsNaturalPerson() || view.LegalRepresentatives.Count > 0)
            await audit.Write(new AuditEntry(clock.Now, caller.KeyId, caller.Department, role, "read-subject", k, id, Purpose(http)), http.RequestAborted);
        foreach (var person in view.LegalRepresentatives.Distinct())
            await audit.Write(new AuditEntry(clock.Now, caller.KeyId, caller.Department, role, "read-legal-representative", SubjectKind.Person, person, Purpose(http)), http.RequestAborted);
        // An institution's staff are unmasked only in this single read (http-api "Institutions"): each one audited.
        foreach (var person in view.Staff.Select(s => s.PersonId).Distinct())
            await audit.Write(new AuditEntry(clock.Now, caller.KeyId, caller.Department, role, "read-staff", SubjectKind.Person, person, Purpose(http)), http.RequestAborted);
        return TypedResults.Ok(Mapping.Subject(view, authorised: true));
    }

    private static ApiProblem UnknownKind(string kind) =>
        Problems.NotFound($"'{kind}' 不是主体类型：应为 enterprise、person、official、merchant 或 institution。",
            $"'{kind}' is not a subject kind: use enterprise, person, official, merchant or institution.");

    private static ApiProblem UnknownSubject(string kind, string id) => Problems.NotFound($"没有 {kind} '{id}'。", $"No {kind} '{id}'.");

    /// <summary>X-Purpose: why personal data is read; percent-encoded UTF-8 allowed (headers are ASCII).</summary>
    private static string? Purpose(HttpContext http) =>
        http.Request.Headers["X-Purpose"].FirstOrDefault() is { Length: > 0 } raw ? Uri.UnescapeDataString(raw)[..Math.Min(200, Uri.UnescapeDataString(raw).Length)] : null;

    private static SubjectRegistration Validate(SubjectKind kind, string id, SubjectRequest r, DateOnly today)
    {
        var registeredAt = Fields.OptionalDate(r.RegisteredAt, "registeredAt");
        if (registeredAt is { } at) Fields.NotFuture(at, today, "registeredAt");
        // L2436 / L1471: natural persons must be adults when registered.
        if (kind.IsNaturalPerson()) Fields.Adult(id, registeredAt ?? today, "id");
        Fields.Text(r.Name, "name", 200);
        Fields.Text(r.Street, "street", 100);
        Fields.Text(r.Unit, "unit", 200);
        var reps = r.LegalRepresentatives ?? [];
        if (reps.Count > 0 && kind is not (SubjectKind.Enterprise or SubjectKind.Merchant))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "legalRepresentatives", "只有企业和商户登记法定代表人。", "Only enterprises and merchants name legal representatives.");
        for (var i = 0; i < reps.Count; i++)
        {
            Fields.SubjectId(SubjectKind.Person, reps[i], $"legalRepresentatives[{i}]");
            Fields.Adult(reps[i], today, $"legalRepresentatives[{i}]");
        }
        if (r.EnterpriseType is { } type && !EnterpriseTypes.Contains(type))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "enterpriseType", "'enterpriseType' 应为 company、individual-business、cooperative 或 other。", "'enterpriseType' is company, individual-business, cooperative or other.");
        if (kind == SubjectKind.Merchant && string.IsNullOrWhiteSpace(r.Street))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "street", "商户须填写所在街区（如 水晶街）。", "A merchant names its street (e.g. 水晶街).");
        var (institutionType, staff) = InstitutionFields.Validate(kind, id, r, today);
        return new SubjectRegistration
        {
            Name = r.Name,
            RegisteredAt = registeredAt,
            LegalRepresentatives = reps,
            EnterpriseType = r.EnterpriseType,
            Street = r.Street,
            Unit = r.Unit,
            InstitutionType = institutionType,
            Staff = staff,
        };
    }
}
