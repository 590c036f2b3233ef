using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Grains;

/// <summary>Record workflows (domain-rules §5): revocation L817, repair L816/L2488, objections L815.</summary>
public abstract partial class SubjectGrain
{
    public async Task<RecordCommandResult> Revoke(string recordId, DateOnly on, string? reason, string? decisionRef)
    {
        var i = Dossier.Records.FindIndex(r => r.RecordId == recordId);
        if (i < 0) return new RecordCommandResult(false, null, []);
        var record = Dossier.Records[i];
        if (record.State == RecordState.Revoked) return new RecordCommandResult(true, null, [recordId]);
        var why = string.Join("；", new[] { reason, decisionRef }.Where(s => !string.IsNullOrWhiteSpace(s)));
        record = record with { State = RecordState.Revoked, StateChangedAt = on, StateReason = why.Length == 0 ? null : why };
        Dossier.Records[i] = record;
        var replacements = RevokeReplacements(record);
        var deliveries = await FanOut(record, "revoke");
        _cause = record.Department;
        await Save(record.EventId, deliveries);
        return new RecordCommandResult(true, null, [recordId, .. replacements, .. deliveries.Select(d => d.TargetRecordId!)]);
    }

    /// <summary>
    /// L817 "as if it had never been": a revoked record takes with it what was derived from it on this subject — the
    /// −80 replacement its repair created (L2912). Returns the ids revoked.
    /// </summary>
    private List<string> RevokeReplacements(CreditRecord revoked)
    {
        var ids = new List<string>();
        for (var k = 0; k < Dossier.Records.Count; k++)
        {
            var r = Dossier.Records[k];
            if (r.DerivedFrom != revoked.RecordId || r.RecordId != RecordIds.Replacement(revoked.RecordId) || r.State == RecordState.Revoked) continue;
            Dossier.Records[k] = r with { State = RecordState.Revoked, StateChangedAt = revoked.StateChangedAt, StateReason = revoked.StateReason };
            ids.Add(r.RecordId);
        }
        return ids;
    }

    public async Task<RecordCommandResult> Repair(string recordId, DateOnly repairedAt, string? reason)
    {
        var i = Dossier.Records.FindIndex(r => r.RecordId == recordId);
        if (i < 0) return new RecordCommandResult(false, null, []);
        var record = Dossier.Records[i];
        if (record.State == RecordState.Revoked) return new RecordCommandResult(true, "该记录已撤销，无需信用修复。", [], "The record is revoked: it needs no repair.");
        if (!Catalog.Get(record.Indicator).IsSanction) return new RecordCommandResult(true, $"只有失信记录可以信用修复（{Core.Citations.PaperIndex.Default.At(RuleLines.Repair(RuleLines.TableOf(record.Indicator)))}）。", [],
            $"Only a dishonesty record can be repaired ({Core.Citations.PaperIndex.Default.At(RuleLines.Repair(RuleLines.TableOf(record.Indicator)))})."); // L816, L2488
        if (record.State == RecordState.Repaired) return new RecordCommandResult(true, null, [recordId]);
        var affected = await RepairInPlace(i, repairedAt, reason);
        var deliveries = await FanOut(Dossier.Records[i], "repair");
        _cause = record.Department;
        await Save(record.EventId, deliveries);
        return new RecordCommandResult(true, null, [.. affected, .. deliveries.Select(d => d.TargetRecordId!)]);
    }

    /// <summary>
    /// Marks record i repaired (L816: it stops counting from the repair date) and applies the row's repair rule: a
    /// person's refusal to perform a legal obligation (L3270), once performed and repaired, becomes the −80 row for 2
    /// years from the repair (L2488, L2912). The same for a record fanned out from a repaired source (domain-rules §5).
    /// Returns the ids changed; nothing is saved here.
    /// </summary>
    private async Task<List<string>> RepairInPlace(int i, DateOnly repairedAt, string? reason)
    {
        var record = Dossier.Records[i] with { State = RecordState.Repaired, StateChangedAt = repairedAt, StateReason = reason };
        Dossier.Records[i] = record;
        var affected = new List<string> { record.RecordId };
        var replacementId = RecordIds.Replacement(record.RecordId);
        if (Catalog.Get(record.Indicator).RepairReplacement is { } replacement && !Dossier.Records.Exists(r => r.RecordId == replacementId))
        {
            await Services.RecordIndex.Add(new RecordLocation(replacementId, Kind, Id, record.Department, record.EventId));
            Dossier.Records.Add(new CreditRecord
            {
                RecordId = replacementId,
                EventId = record.EventId,
                Indicator = replacement,
                Department = record.Department,
                ActionRef = record.ActionRef,
                OccurredAt = repairedAt,
                ReportedAt = repairedAt,
                DerivedFrom = record.RecordId,
                Note = reason,
            });
            affected.Add(replacementId);
        }
        return affected;
    }

    /// <summary>
    /// L815 异议处理: the objection lives in this dossier (one owner), so its state and the record's "objected" mark are one
    /// write; the objections table is a projection of it written in the same transaction. Idempotent on the id.
    /// </summary>
    public async Task<ObjectionResult> OpenObjection(NewObjection request)
    {
        if (Dossier.FindObjection(request.ObjectionId) is { } existing)
            return existing.RecordId == request.RecordId ? Result(ObjectionOutcome.Existing, existing) : new ObjectionResult(ObjectionOutcome.OtherRecord, null);
        var i = Dossier.Records.FindIndex(r => r.RecordId == request.RecordId);
        if (i < 0) return new ObjectionResult(ObjectionOutcome.NoRecord, null);
        var entry = new ObjectionEntry(request.ObjectionId, request.RecordId, request.Reason, request.NeedsOtherUnits, request.OpenedAt,
            request.DueAt, "open", null, null, null);
        Dossier.ObjectionList.Add(entry);
        // http-api "Work queues": several objections may be open on one record; it is objected from the first of them.
        if (!IsObjected(Dossier.Records[i]))
            Dossier.Records[i] = Dossier.Records[i] with { ObjectionOpenedAt = request.OpenedAt, ObjectionClosedAt = null };
        LogObjection(null, "open", Dossier.Records[i]);
        _cause = Dossier.Records[i].Department;
        await Save(Dossier.Records[i].EventId, []);
        return Result(ObjectionOutcome.Created, entry);
    }

    public async Task<ObjectionResult> ResolveObjection(string objectionId, DateOnly resolvedAt, bool upheld, string? note)
    {
        if (Dossier.FindObjection(objectionId) is not { } entry) return new ObjectionResult(ObjectionOutcome.NoObjection, null);
        if (entry.Status != "open") return Result(ObjectionOutcome.AlreadyClosed, entry);
        var closed = entry with { Status = "closed", Upheld = upheld, Note = note, ResolvedAt = resolvedAt };
        Dossier.ObjectionList[Dossier.ObjectionList.IndexOf(entry)] = closed;
        var i = Dossier.Records.FindIndex(r => r.RecordId == entry.RecordId);
        if (i >= 0 && !Dossier.ObjectionList.Exists(o => o.RecordId == entry.RecordId && o.Status == "open"))
            Dossier.Records[i] = Dossier.Records[i] with { ObjectionClosedAt = resolvedAt };
        if (i >= 0)
        {
            LogObjection("open", "closed", Dossier.Records[i]);
            _cause = Dossier.Records[i].Department;
        }
        // An upheld objection: the record is corrected or deleted (L815) — revoked with the objection as reason (one save).
        if (upheld && i >= 0) await Revoke(entry.RecordId, resolvedAt, "异议成立" + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note), null);
        else await Save(i >= 0 ? Dossier.Records[i].EventId : null, []);
        return Result(ObjectionOutcome.Resolved, closed);
    }

    private static bool IsObjected(CreditRecord r) => r.ObjectionOpenedAt is not null && r.ObjectionClosedAt is null;

    private static ObjectionResult Result(ObjectionOutcome outcome, ObjectionEntry e) =>
        new(outcome, new ObjectionState(e.ObjectionId, e.RecordId, e.Status, e.OpenedAt, e.DueAt, e.Upheld));
}
