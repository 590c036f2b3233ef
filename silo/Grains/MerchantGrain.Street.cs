using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Grains;

/// <summary>The street's own facts (L3335-L3336): inspections and rectification, complaints, reviews, expulsion.</summary>
public sealed partial class MerchantGrain
{
    private static MerchantCommandResult NotFound => new(false, null, null);
    private static MerchantCommandResult Refused(int status, string why) => new(true, status, why);

    public async Task<MerchantCommandResult> Inspect(Inspection inspection)
    {
        if (!S.Registered) return NotFound;
        var fingerprint = string.Join("|", inspection.Findings.Select(f => $"{f.FindingId}/{f.Area}/{f.Problem}/{f.Deadline:yyyy-MM-dd}").Prepend($"{inspection.Date:yyyy-MM-dd}"));
        if (S.Inspections.TryGetValue(inspection.InspectionId, out var earlier))
            return earlier == fingerprint ? new MerchantCommandResult(true, null, null, inspection.InspectionId, Created: false)
                : Refused(409, $"inspectionId '{inspection.InspectionId}' was already used for a different inspection.");
        if (inspection.Findings.FirstOrDefault(f => S.Findings.Exists(x => x.FindingId == f.FindingId)) is { } clash)
            return Refused(409, $"findingId '{clash.FindingId}' already exists for this merchant.");
        S.Inspections[inspection.InspectionId] = fingerprint;
        S.Findings.AddRange(inspection.Findings.Select(f => new Finding(f.FindingId, inspection.InspectionId, f.Area, f.Problem, inspection.Date, f.Deadline, null)));
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(true, null, null, inspection.InspectionId);
    }

    public async Task<MerchantCommandResult> Rectify(string findingId, DateOnly rectifiedAt)
    {
        if (!S.Registered) return NotFound;
        var i = S.Findings.FindIndex(f => f.FindingId == findingId);
        if (i < 0) return NotFound;
        if (rectifiedAt < S.Findings[i].FoundAt) return Refused(422, $"'rectifiedAt' is before the inspection of {S.Findings[i].FoundAt:yyyy-MM-dd}.");
        if (S.Findings[i].RectifiedAt is not null) return new MerchantCommandResult(true, null, null, findingId, Created: false);
        S.Findings[i] = S.Findings[i] with { RectifiedAt = rectifiedAt };
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(true, null, null, findingId);
    }

    public async Task<MerchantCommandResult> SetExpelled(bool expelled, string? reason)
    {
        if (!S.Registered) return NotFound;
        if (S.Expelled == expelled) return new MerchantCommandResult(true, null, null, Created: false);
        S.Expelled = expelled;
        S.ExpelledReason = expelled ? reason : null;
        S.ExpelledAt = expelled ? clock.Today : null;
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(true, null, null);
    }

    public async Task<MerchantCommandResult> Complain(string text, string? contact)
    {
        if (!S.Registered) return NotFound;
        var id = $"{Id}-C{++S.ComplaintSeq}";
        S.Complaints.Add(new Complaint(id, text, contact, clock.Today, null, null, null, null));
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(true, null, null, id);
    }

    public async Task<MerchantCommandResult> Verdict(string complaintId, bool substantiated, string department)
    {
        var i = S.Complaints.FindIndex(c => c.ComplaintId == complaintId);
        if (i < 0) return NotFound;
        if (S.Complaints[i].ResolvedAt is not null) return Refused(409, "The complaint is already resolved.");
        S.Complaints[i] = S.Complaints[i] with { Substantiated = substantiated, VerdictBy = department, VerdictAt = clock.Today };
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(true, null, null, complaintId);
    }

    public async Task<MerchantCommandResult> ResolveComplaint(string complaintId)
    {
        var i = S.Complaints.FindIndex(c => c.ComplaintId == complaintId);
        if (i < 0) return NotFound;
        if (S.Complaints[i].Substantiated != true) return Refused(409, "Only a complaint found substantiated can be resolved; give a verdict first.");
        if (S.Complaints[i].ResolvedAt is not null) return new MerchantCommandResult(true, null, null, complaintId, Created: false);
        S.Complaints[i] = S.Complaints[i] with { ResolvedAt = clock.Today };
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(true, null, null, complaintId);
    }

    public async Task<MerchantCommandResult> AddReview(int stars, string? text)
    {
        if (!S.Registered) return NotFound;
        S.Reviews.Add(new Review(stars, text, clock.Now));
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(true, null, null);
    }

    public async Task<MerchantPublicView?> Public()
    {
        if (!S.Registered) return null;
        var enterprise = await Enterprise.View(null);
        var records = enterprise?.Evaluation.Records ?? [];
        bool Counting(RecordEvaluation r) => r.Status is RecordStatus.Active or RecordStatus.Objected;
        return new MerchantPublicView(
            Id, S.Name ?? Id, S.Street!, S.Color ?? "blue", enterprise?.Evaluation.Grade, enterprise?.Evaluation.Score ?? S.Score, S.Expelled,
            S.Findings, [.. S.Complaints.Select(c => c with { Contact = null })], [.. S.Reviews.TakeLast(50)],
            [.. records.Where(r => Counting(r) && r.BasePoints < 0)], [.. records.Where(r => Counting(r) && r.BasePoints > 0)],
            []);
    }
}
