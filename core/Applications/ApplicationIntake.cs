using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Core.Applications;

/// <summary>What a portal applicant sends (the JSON body and the HTML form carry the same fields).</summary>
public sealed record ApplicationInput(string? Type, string? SubjectKind, string? SubjectId, string? RecordId, string? Reason, string? Contact);

/// <summary>A refusal of a submission, naming the field, in both languages (the API writes a problem, the form a message).</summary>
public sealed record ApplicationProblem(int Status, string Field, string Zh, string En);

/// <summary>
/// Receiving an application and following it with number + code (domain-rules §10, 87号第二十七条、第二十八条), shared
/// by POST /api/v1/public/applications and the no-JavaScript form /credit/apply. The record must be one of the named
/// subject's records: an unknown record and another subject's record get the same answer (no existence oracle).
/// </summary>
public sealed class ApplicationIntake(IApplicationRegistry applications, IRecordDirectory records, IObjectionRegistry objections, GridClock clock)
{
    public const int ReasonMax = 2000;
    public const int ContactMax = 200;

    public async Task<(CreditApplication? Application, string? Code, ApplicationProblem? Problem)> Submit(ApplicationInput input, CancellationToken ct = default)
    {
        var (kind, subjectId, problem) = Check(input);
        if (problem is not null) return (null, null, problem);
        var recordId = input.RecordId!.Trim();
        var location = await records.Find(recordId, ct);
        // A merchant's records live on its enterprise (domain-rules §1): the same USCC.
        if (location is null || location.SubjectId != subjectId
            || !(location.Kind == kind || (kind == Core.SubjectKind.Merchant && location.Kind == Core.SubjectKind.Enterprise)))
            return (null, null, new(422, "recordId", "未找到该主体的这条信用记录，请核对记录编号和主体代码。",
                "No such record of this subject: check the record number and the subject's code."));
        var now = clock.Now;
        var received = clock.Today;
        var code = ApplicationCodes.NewCode();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var id = ApplicationCodes.NewNumber(received);
            var application = new CreditApplication(id, input.Type!, location.Kind, subjectId, recordId, input.Reason!.Trim(), input.Contact!.Trim(),
                now, "submitted", null, [new ApplicationStep(now, "submitted", null)]);
            if (await applications.Add(application, ApplicationCodes.Hash(id, code), ct)) return (application, code, null);
        }
        throw new InvalidOperationException("No free application number.");
    }

    /// <summary>The application when the code is its code, else null (a wrong code and an unknown number look the same).</summary>
    public async Task<CreditApplication?> Track(string applicationId, string? code, CancellationToken ct = default)
    {
        if (applicationId.Length > 64 || await applications.Find(applicationId, ct) is not { } found
            || !ApplicationCodes.Matches(applicationId, code, found.CodeHash)) return null;
        return await Settle(found.Application, ct);
    }

    /// <summary>
    /// An open objection application follows its objection (objectionId = applicationId): once the objection is closed
    /// the application is upheld or dismissed. The resolve endpoint settles it at once; this read catches up otherwise.
    /// </summary>
    public async Task<CreditApplication> Settle(CreditApplication application, CancellationToken ct = default)
    {
        if (application.Status != "open") return application;
        var objection = await objections.Find(application.ApplicationId, ct);
        if (objection is not { Status: "closed", Upheld: { } upheld }) return application;
        var moved = await SettleObjection(application.ApplicationId, upheld, objection.Note, ct);
        return moved ?? application;
    }

    /// <summary>open → upheld | dismissed with the objection's note; null when the application is not an open one.</summary>
    public async Task<CreditApplication?> SettleObjection(string applicationId, bool upheld, string? note, CancellationToken ct = default)
    {
        var step = new ApplicationStep(clock.Now, upheld ? "upheld" : "dismissed", note);
        var moved = await applications.Move(applicationId, ["open"], step, null, ct);
        return moved is { Moved: true } m ? m.Application : null;
    }

    private static (SubjectKind Kind, string SubjectId, ApplicationProblem? Problem) Check(ApplicationInput input)
    {
        if (input.Type is not ("objection" or "repair"))
            return (default, "", new(422, "type", "请选择申请类型：异议（objection）或信用修复（repair）。", "'type' is objection or repair."));
        if (!SubjectKinds.TryParse(input.SubjectKind, out var kind))
            return (default, "", new(422, "subjectKind", "请选择主体类型：企业、商户、个人、公职人员或事业单位。",
                "'subjectKind' is enterprise, merchant, person, official or institution."));
        var subjectId = (input.SubjectId ?? "").Trim().ToUpperInvariant();
        var natural = kind is Core.SubjectKind.Person or Core.SubjectKind.Official;
        var valid = natural ? ResidentId.IsValid(subjectId) : UnifiedSocialCreditCode.IsValid(subjectId);
        if (!valid)
            return (default, "", natural
                ? new(422, "subjectId", "请填写正确的18位公民身份号码。", "'subjectId' must be a valid 18-character resident ID number.")
                : new(422, "subjectId", "请填写正确的18位统一社会信用代码。", "'subjectId' must be a valid 18-character unified social credit code."));
        if (string.IsNullOrWhiteSpace(input.RecordId) || input.RecordId.Length > 128)
            return (default, "", new(422, "recordId", "请填写要申请的信用记录编号。", "'recordId' (the record applied for) is required."));
        if (string.IsNullOrWhiteSpace(input.Reason))
            return (default, "", new(422, "reason", "请写明申请理由。", "'reason' is required."));
        if (input.Reason.Length > ReasonMax)
            return (default, "", new(422, "reason", $"申请理由不得超过{ReasonMax}个字。", $"'reason' is longer than {ReasonMax} characters."));
        if (string.IsNullOrWhiteSpace(input.Contact))
            return (default, "", new(422, "contact", "请留下联系电话或电子邮箱，便于核实身份。", "'contact' (a phone number or e-mail) is required."));
        if (input.Contact.Length > ContactMax)
            return (default, "", new(422, "contact", $"联系方式不得超过{ContactMax}个字。", $"'contact' is longer than {ContactMax} characters."));
        return (kind, subjectId, null);
    }
}
