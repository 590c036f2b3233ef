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
        if (record.State == RecordState.Revoked) return new RecordCommandResult(true, "the record is revoked; there is nothing to repair", []);
        if (!Catalog.Get(record.Indicator).IsSanction) return new RecordCommandResult(true, "only sanction records can be repaired (L816)", []);
        if (record.State == RecordState.Repaired) return new RecordCommandResult(true, null, [recordId]);
        var affected = await RepairInPlace(i, repairedAt, reason);
        var deliveries = await FanOut(Dossier.Records[i], "repair");
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

    public async Task<RecordCommandResult> OpenObjection(string recordId, DateOnly openedAt)
    {
        var i = Dossier.Records.FindIndex(r => r.RecordId == recordId);
        if (i < 0) return new RecordCommandResult(false, null, []);
        Dossier.Records[i] = Dossier.Records[i] with { ObjectionOpenedAt = openedAt, ObjectionClosedAt = null };
        await Save(Dossier.Records[i].EventId, []);
        return new RecordCommandResult(true, null, [recordId]);
    }

    public async Task<RecordCommandResult> CloseObjection(string recordId, DateOnly closedAt, bool upheld, string? note)
    {
        var i = Dossier.Records.FindIndex(r => r.RecordId == recordId);
        if (i < 0) return new RecordCommandResult(false, null, []);
        Dossier.Records[i] = Dossier.Records[i] with { ObjectionClosedAt = closedAt };
        // An upheld objection: the record is corrected or deleted (L815) — revoked with the objection as reason.
        if (upheld) return await Revoke(recordId, closedAt, "异议成立" + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note), null);
        await Save(Dossier.Records[i].EventId, []);
        return new RecordCommandResult(true, null, [recordId]);
    }
}
