using CreditGrid.Api.Validation;
using CreditGrid.Core.Applications;
using CreditGrid.Core.Grid;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Endpoints;

/// <summary>
/// POST /records/{id}/repair with "applicationId" (domain-rules §10, 87号第二十八条): the repair answers an accepted
/// repair application of the same record, which then shows "repaired" to the applicant.
/// </summary>
public static class RepairApplications
{
    /// <summary>Null when the application may be answered by this repair, else the problem (checked before the repair).</summary>
    public static async Task<ApiProblem?> Check(string applicationId, string recordId, IApplicationRegistry applications, CancellationToken ct)
    {
        if (applicationId.Length > 64 || await applications.Find(applicationId, ct) is not { } found)
            return Problems.Invalid(StatusCodes.Status422UnprocessableEntity, new Bilingual($"没有申请“{applicationId}”。", $"No application '{applicationId}'."), "applicationId");
        var a = found.Application;
        if (a.Type != "repair" || a.RecordId != recordId)
            return Problems.Invalid(StatusCodes.Status422UnprocessableEntity,
                new Bilingual($"申请“{applicationId}”不是对记录“{recordId}”的信用修复申请。", $"Application '{applicationId}' is not a repair application for record '{recordId}'."), "applicationId");
        if (a.Status != "accepted")
            return Problems.Conflict($"申请“{applicationId}”当前为“{ApplicationEndpoints.StatusText(a.Status)}”，只有已受理的修复申请可以据此修复。",
                $"Application '{applicationId}' is {a.Status}: only an accepted repair application can be answered by a repair.");
        return null;
    }

    public static Task Repaired(string applicationId, string? reason, IApplicationRegistry applications, GridClock clock, CancellationToken ct) =>
        applications.Move(applicationId, ["accepted"], new ApplicationStep(clock.Now, "repaired", reason), null, ct);
}
