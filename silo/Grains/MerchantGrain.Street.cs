using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Rules;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Grains;

/// <summary>The street's own facts (L3335-L3336): inspections and rectification, complaints, reviews, expulsion.</summary>
public sealed partial class MerchantGrain
{
    private static MerchantCommandResult NotFound => new(new Outcome(OutcomeKind.NotFound));
    private static MerchantCommandResult Refused(Outcome why) => new(why);

    public async Task<MerchantCommandResult> Inspect(Inspection inspection)
    {
        if (!S.Registered) return NotFound;
        var fingerprint = string.Join("|", inspection.Findings.Select(f => $"{f.FindingId}/{f.Area}/{f.Problem}/{f.Deadline:yyyy-MM-dd}").Prepend($"{inspection.Date:yyyy-MM-dd}"));
        if (S.Inspections.TryGetValue(inspection.InspectionId, out var earlier))
            return earlier == fingerprint ? new MerchantCommandResult(Outcome.Done, inspection.InspectionId, Created: false)
                : Refused(Outcome.Conflict($"inspectionId '{inspection.InspectionId}' 已用于另一次检查。", $"inspectionId '{inspection.InspectionId}' was already used for a different inspection."));
        if (inspection.Findings.FirstOrDefault(f => S.Findings.Exists(x => x.FindingId == f.FindingId)) is { } clash)
            return Refused(Outcome.Conflict($"该商户已有检查问题 findingId '{clash.FindingId}'。", $"findingId '{clash.FindingId}' already exists for this merchant."));
        S.Inspections[inspection.InspectionId] = fingerprint;
        S.Findings.AddRange(inspection.Findings.Select(f => new Finding(f.FindingId, inspection.InspectionId, f.Area, f.Problem, inspection.Date, f.Deadline, null, inspection.Department)));
        Cause(ChangeKinds.Inspection, null, inspection.Findings.Count == 0 ? "clean" : "open", inspection.InspectionId, inspection.Department);
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(Outcome.Done, inspection.InspectionId);
    }

    /// <summary>http-api "Work queues": rectify belongs to the department that found it, or the credit centre (403, before any 422).</summary>
    public async Task<MerchantCommandResult> Rectify(string findingId, DateOnly rectifiedAt, StreetActor actor)
    {
        if (!S.Registered) return NotFound;
        var i = S.Findings.FindIndex(f => f.FindingId == findingId);
        if (i < 0) return NotFound;
        if (!actor.Owns(S.Findings[i].Department))
            return Refused(Outcome.NotYours($"该检查问题由{S.Findings[i].Department ?? "其他部门"}发现，只有该部门或社会信用中心可以确认整改。",
                $"The finding was made by {S.Findings[i].Department ?? "another department"}: only that department or the credit centre (credit-center) may confirm its rectification."));
        if (rectifiedAt < S.Findings[i].FoundAt) return Refused(Outcome.RuleBroken($"整改日期 'rectifiedAt' 早于检查日期 {S.Findings[i].FoundAt:yyyy-MM-dd}。", $"'rectifiedAt' is before the inspection date {S.Findings[i].FoundAt:yyyy-MM-dd}."));
        if (S.Findings[i].RectifiedAt is not null) return new MerchantCommandResult(Outcome.Done, findingId, Created: false);
        S.Findings[i] = S.Findings[i] with { RectifiedAt = rectifiedAt };
        Cause(ChangeKinds.Inspection, "open", "rectified", S.Findings[i].InspectionId, actor.Department);
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(Outcome.Done, findingId);
    }

    public async Task<MerchantCommandResult> SetExpelled(bool expelled, string? reason, string department)
    {
        if (!S.Registered) return NotFound;
        if (S.Expelled == expelled) return new MerchantCommandResult(Outcome.Done, Created: false);
        S.Expelled = expelled;
        S.ExpelledReason = expelled ? reason : null;
        S.ExpelledAt = expelled ? clock.Today : null;
        _cause = department; // the colour line names who expelled or readmitted
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(Outcome.Done);
    }

    /// <summary>A consumer complaint; at most <see cref="ComplaintSubmission.OpenPerSourcePerDay"/> open ones a day from one address (issue 11 item 13).</summary>
    public async Task<MerchantCommandResult> Complain(ComplaintSubmission submission)
    {
        if (!S.Registered) return NotFound;
        var today = clock.Today;
        if (submission.Source is { } source
            && S.Complaints.Count(c => c.Source == source && c.ReceivedAt == today && c.IsOpen) >= submission.OpenPerSourcePerDay)
            return Refused(Outcome.TooMany($"同一地址每天对同一商户最多提交{submission.OpenPerSourcePerDay}条投诉，请明天再试。",
                $"One address may send at most {submission.OpenPerSourcePerDay} complaints a day about one merchant; try again tomorrow."));
        var id = $"{Id}-C{++S.ComplaintSeq}";
        S.Complaints.Add(new Complaint(id, submission.Text, submission.Contact, today, null, null, null, null, submission.Source));
        Cause(ChangeKinds.Complaint, null, ComplaintStatus.Received, id, ChangeKinds.Public);
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(Outcome.Done, id);
    }

    /// <summary>http-api "Work queues": any reporter gives the first verdict; after that only that department or the credit centre (403 before 409).</summary>
    public async Task<MerchantCommandResult> Verdict(string complaintId, bool substantiated, StreetActor actor)
    {
        var i = S.Complaints.FindIndex(c => c.ComplaintId == complaintId);
        if (i < 0) return await ArchivedRefusal(complaintId, actor);
        var complaint = S.Complaints[i];
        if (complaint.VerdictBy is { } by && !actor.Owns(by))
            return Refused(Outcome.NotYours($"该投诉已由{by}作出结论，只有该部门或社会信用中心可以更改。", $"{by} gave the verdict on this complaint: only that department or the credit centre (credit-center) may change it."));
        if (complaint.ResolvedAt is not null) return Refused(Outcome.Conflict("该投诉已处理完毕，不能再更改结论。", "The complaint is resolved: its verdict can no longer change."));
        S.Complaints[i] = complaint with { Substantiated = substantiated, VerdictBy = actor.Department, VerdictAt = clock.Today };
        Cause(ChangeKinds.Complaint, ComplaintStatus.Of(complaint), ComplaintStatus.Of(S.Complaints[i]), complaintId, actor.Department);
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(Outcome.Done, complaintId);
    }

    /// <summary>Resolving belongs to the department of the verdict, or the credit centre (403 before 409).</summary>
    public async Task<MerchantCommandResult> ResolveComplaint(string complaintId, StreetActor actor)
    {
        var i = S.Complaints.FindIndex(c => c.ComplaintId == complaintId);
        if (i < 0) return await ArchivedRefusal(complaintId, actor);
        var complaint = S.Complaints[i];
        if (complaint.VerdictBy is { } by && !actor.Owns(by))
            return Refused(Outcome.NotYours($"该投诉由{by}作出结论，只有该部门或社会信用中心可以办结。", $"{by} gave the verdict on this complaint: only that department or the credit centre (credit-center) may resolve it."));
        if (complaint.Substantiated != true) return Refused(Outcome.Conflict("只有经核查属实的投诉才能办结，请先作出结论。", "Only a substantiated complaint can be resolved: give the verdict first."));
        if (complaint.ResolvedAt is not null) return new MerchantCommandResult(Outcome.Done, complaintId, Created: false);
        S.Complaints[i] = complaint with { ResolvedAt = clock.Today };
        Cause(ChangeKinds.Complaint, ComplaintStatus.Of(complaint), ComplaintStatus.Resolved, complaintId, actor.Department);
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(Outcome.Done, complaintId);
    }

    /// <summary>An archived complaint is closed: its department (or the credit centre) gets 409, others 403; an unknown id is 404.</summary>
    private async Task<MerchantCommandResult> ArchivedRefusal(string complaintId, StreetActor actor)
    {
        if (await Archived(complaintId) is not { } archived) return NotFound;
        return actor.Owns(archived.VerdictBy)
            ? Refused(Outcome.Conflict("该投诉已办结并归档，不能再更改。", "The complaint is resolved and archived: it can no longer change."))
            : Refused(Outcome.NotYours($"该投诉由{archived.VerdictBy ?? "其他部门"}作出结论，只有该部门或社会信用中心可以处理。",
                $"{archived.VerdictBy ?? "Another department"} gave the verdict on this complaint: only that department or the credit centre (credit-center) may act on it."));
    }

    /// <summary>Issue 15 item 6: one address gives one merchant at most <see cref="ReviewSubmission.PerSourcePerDay"/> reviews a day.</summary>
    public Task<MerchantCommandResult> Review(ReviewSubmission submission)
    {
        if (!S.Registered) return Task.FromResult(NotFound);
        var today = clock.Today;
        foreach (var old in S.ReviewsBySource.Where(e => e.Value.Day != today).Select(e => e.Key).ToList()) S.ReviewsBySource.Remove(old);
        if (submission.Source is { } source)
        {
            var given = S.ReviewsBySource.TryGetValue(source, out var tally) ? tally.Count : 0;
            if (given >= submission.PerSourcePerDay)
                return Task.FromResult(Refused(Outcome.TooMany($"同一地址每天对同一商户最多评价{submission.PerSourcePerDay}次，请明天再来。",
                    $"One address may review one merchant at most {submission.PerSourcePerDay} time(s) a day; try again tomorrow.")));
            S.ReviewsBySource[source] = new ReviewTally(today, given + 1); // written with the review below, in one state write
        }
        return AddReview(submission.Stars, submission.Text);
    }

    public async Task<MerchantCommandResult> AddReview(int stars, string? text)
    {
        if (!S.Registered) return NotFound;
        S.ReviewCount++;
        S.ReviewStars += stars;
        S.Reviews.Add(new Review(stars, text, clock.Now, S.ReviewCount));
        await Changed(eventId: null, force: false);
        return new MerchantCommandResult(Outcome.Done);
    }

    public async Task<MerchantPublicView?> Public()
    {
        if (!S.Registered) return null;
        var enterprise = await Enterprise.View(null);
        var records = enterprise?.Evaluation.Records ?? [];
        bool Counting(RecordEvaluation r) => r.Status is RecordStatus.Active or RecordStatus.Objected;
        return new MerchantPublicView(
            Id, S.Name ?? Id, S.Street!, S.Color ?? "blue", enterprise?.Evaluation.Grade, enterprise?.Evaluation.Score ?? S.Score, S.Expelled,
            S.Findings,
            // Public text: the contact and the address hash never leave; ID- and phone-shaped text is masked (issue 11 item 10).
            [.. S.Complaints.Select(c => c with { Text = PublicText.Mask(c.Text), Contact = null, Source = null })],
            [.. S.Reviews.TakeLast(MerchantHistory.ReviewsKept).Select(r => r with { Text = PublicText.MaskOrNull(r.Text) })],
            [.. records.Where(r => Counting(r) && r.BasePoints < 0)], [.. records.Where(r => Counting(r) && r.BasePoints > 0)],
            [], S.ReviewCount, AverageRating);
    }
}
