using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.OpenApi;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Applications;
using CreditGrid.Core.Calendar;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// The credit centre's queue of portal applications (domain-rules §10, 87号第二十七条、第二十八条): accept (identity is
/// checked outside the system), reject with a reason, refuse an accepted repair with a reason. Accepting an objection
/// opens the objection itself (objectionId = applicationId) due from the day the application was received (L815).
/// </summary>
public static class ApplicationEndpoints
{
    private const long Limit = 16 * 1024;
    private static readonly string[] Statuses = ApplicationStatuses.All;

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applications").WithTags("Record workflows");
        group.MapGet("", List)
            .RequireAuthorization(Policies.Read)
            .WithName("ListApplications")
            .WithSummary("Portal applications by status, oldest first; contacts and personal IDs masked; paged")
            .Produces<PagedResponse<ApplicationItem>>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);
        // http-api: accept's body is optional ({ "needsOtherUnits": false }), so the document declares none.
        group.MapPost("/{id}/accept", Accept)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("AcceptApplication")
            .WithSummary("Accept an application: an objection opens (due from the day received), a repair waits for the repair or a refusal; optional body { needsOtherUnits }")
            .Produces<PublicApplicationResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        group.MapPost("/{id}/reject", Reject)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("RejectApplication")
            .WithSummary("Reject a submitted application with a reason the applicant sees")
            .Accepts<ApplicationReasonRequest>("application/json")
            .WithRequestExample(Examples.ApplicationReasonRequest)
            .Produces<PublicApplicationResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);
        group.MapPost("/{id}/refuse", Refuse)
            .RequireAuthorization(Policies.CreditCenter)
            .WithName("RefuseRepairApplication")
            .WithSummary("Refuse an accepted repair application with a reason the applicant sees")
            .Accepts<ApplicationReasonRequest>("application/json")
            .WithRequestExample(Examples.ApplicationReasonRequest)
            .Produces<PublicApplicationResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415).ProducesProblem(422);
        return app;
    }

    private static async Task<IResult> List(string? status, string? page, string? pageSize, IApplicationRegistry applications, ApplicationIntake intake, HttpContext http)
    {
        if (status is not null && !Statuses.Contains(status))
            throw Invalid.Field(StatusCodes.Status400BadRequest, "status", $"'status' 应为 {string.Join("、", Statuses)} 之一。", $"'status' is one of {string.Join(", ", Statuses)}.");
        var (p, size) = (Paging.Number(page, "page", 1, int.MaxValue, 1), Paging.Number(pageSize, "pageSize", 1, 500, 50));
        var found = await applications.List(status, p, size, http.RequestAborted);
        var items = new List<ApplicationItem>(found.Items.Count);
        foreach (var a in found.Items) items.Add(Item(await intake.Settle(a, http.RequestAborted)));
        return TypedResults.Ok(new PagedResponse<ApplicationItem>(found.Total, p, size, items));
    }

    private static async Task<IResult> Accept(string id, HttpContext http, IApplicationRegistry applications, IGrainFactory grains, GridClock clock, WorkingCalendar calendar)
    {
        var needsOthers = HasBody(http.Request) && (await JsonBody.ReadAs<AcceptRequest>(http.Request, Limit)).NeedsOtherUnits == true;
        if (await applications.Find(id, http.RequestAborted) is not { } found) return Unknown(id);
        var a = found.Application;
        if (a.Type == "repair")
            return Result(await applications.Move(id, ["submitted"], new ApplicationStep(clock.Now, "accepted", null), null, http.RequestAborted), id);
        // An objection: accepted (compare-and-set, so a concurrent rejection cannot also win), then the objection is opened
        // on the subject grain and the application is open. "accepted" is taken again so a retry finishes an interrupted accept.
        var accepted = await applications.Move(id, ["submitted"], new ApplicationStep(clock.Now, "accepted", null), null, http.RequestAborted);
        if (accepted is not { } m || (!m.Moved && m.Application.Status != "accepted")) return Result(accepted, id);
        // L815 收到异议申请之日起: the working days count from the day the application was received, not from acceptance.
        var received = GridClock.DayOf(a.ReceivedAt);
        var due = WorkingDays.ObjectionDue(received, needsOthers, calendar);
        var opened = await grains.Records(a.SubjectKind, a.SubjectId).OpenObjection(new NewObjection(id, a.RecordId, a.Reason, needsOthers, received, due));
        if (opened.Outcome is ObjectionOutcome.NoRecord or ObjectionOutcome.OtherRecord)
            return Problems.Conflict($"无法为申请“{id}”立案异议：记录“{a.RecordId}”已不存在或编号已被占用。",
                $"The objection of application '{id}' cannot be opened: record '{a.RecordId}' is gone or the id is taken.");
        var dueAt = opened.Objection?.DueAt ?? due;
        return Result(await applications.Move(id, ["accepted"], new ApplicationStep(clock.Now, "open", null), dueAt, http.RequestAborted), id);
    }

    private static async Task<IResult> Reject(string id, HttpContext http, IApplicationRegistry applications, GridClock clock)
    {
        var reason = await Reason(http);
        return Result(await applications.Move(id, ["submitted"], new ApplicationStep(clock.Now, "rejected", reason), null, http.RequestAborted), id);
    }

    private static async Task<IResult> Refuse(string id, HttpContext http, IApplicationRegistry applications, GridClock clock)
    {
        var reason = await Reason(http);
        if (await applications.Find(id, http.RequestAborted) is not { } found) return Unknown(id);
        if (found.Application.Type != "repair")
            return Problems.Conflict($"申请“{id}”是异议申请，异议由异议办理作出结论，不能“不予修复”。",
                $"Application '{id}' is an objection: it is decided by resolving the objection, not refused.");
        return Result(await applications.Move(id, ["accepted"], new ApplicationStep(clock.Now, "refused", reason), null, http.RequestAborted), id);
    }

    private static async Task<string> Reason(HttpContext http)
    {
        var request = await JsonBody.ReadAs<ApplicationReasonRequest>(http.Request, Limit);
        if (string.IsNullOrWhiteSpace(request.Reason))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "reason", "请写明理由，申请人会看到它。", "'reason' is required: the applicant sees it.");
        return Fields.Text(request.Reason.Trim(), "reason", 2000)!;
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;

    private static IResult Result((bool Moved, CreditApplication Application)? moved, string id) => moved switch
    {
        null => Unknown(id),
        { Moved: true } m => TypedResults.Ok(PublicApplicationEndpoints.Public(m.Application)),
        { } m => Problems.Conflict($"申请“{id}”当前为“{StatusText(m.Application.Status)}”，不能再办理此操作。",
            $"Application '{id}' is {m.Application.Status}: this step no longer applies."),
    };

    public static string StatusText(string status) => ApplicationStatuses.Text(status);

    private static IResult Unknown(string id) => Problems.NotFound($"没有申请“{id}”。", $"No application '{id}'.");

    private static ApplicationItem Item(CreditApplication a) => new(
        a.ApplicationId, a.Type, a.Status, a.SubjectKind.ToWire(), Mapping.Id(a.SubjectKind, a.SubjectId, authorised: false), a.RecordId, a.Reason,
        ApplicationCodes.MaskContact(a.Contact), a.ReceivedAt, a.DueAt, PublicApplicationEndpoints.Steps(a));
}
