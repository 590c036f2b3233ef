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
        var deliveries = await FanOut(record, "revoke");
        await Save(record.EventId, deliveries);
        return new RecordCommandResult(true, null, [recordId, .. deliveries.Select(d => d.TargetRecordId!)]);
    }

    public async Task<RecordCommandResult> Repair(string recordId, DateOnly repairedAt, string? reason)
    {
        var i = Dossier.Records.FindIndex(r => r.RecordId == recordId);
        if (i < 0) return new RecordCommandResult(false, null, []);
        var record = Dossier.Records[i];
        if (record.State == RecordState.Revoked) return new RecordCommandResult(true, "the record is revoked; there is nothing to repair", []);
        if (!Catalog.Get(record.Indicator).IsSanction) return new RecordCommandResult(true, "only sanction records can be repaired (L816)", []);
        if (record.State == RecordState.Repaired) return new RecordCommandResult(true, null, [recordId]);
        record = record with { State = RecordState.Repaired, StateChangedAt = repairedAt, StateReason = reason };
        Dossier.Records[i] = record;
        var affected = new List<string> { recordId };
        // L2488: refusing a legal obligation, once performed and repaired, becomes the −80 row for 2 years from the repair.
        if (Catalog.Get(record.Indicator).RepairReplacement is { } replacement)
        {
            var replacementId = RecordIds.Replacement(recordId);
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
                DerivedFrom = recordId,
                Note = reason,
            });
            affected.Add(replacementId);
        }
        var deliveries = await FanOut(record, "repair");
        await Save(record.EventId, deliveries);
        return new RecordCommandResult(true, null, [.. affected, .. deliveries.Select(d => d.TargetRecordId!)]);
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
