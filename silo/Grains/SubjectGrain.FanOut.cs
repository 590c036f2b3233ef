using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

/// <summary>Fan-out between subjects (domain-rules §6): an outbox in the dossier, redelivered until acknowledged.</summary>
public abstract partial class SubjectGrain
{
    /// <summary>The records a new record makes on linked subjects; kinds override. Fan-out is one hop: derived records never fan out.</summary>
    protected virtual Task<IReadOnlyList<(SubjectKind Kind, string Id, string Indicator, int? Points)>> Targets(CreditRecord record) =>
        Task.FromResult<IReadOnlyList<(SubjectKind, string, string, int?)>>([]);

    /// <summary>Builds the deliveries for a record: "add" makes derived records, "revoke"/"repair" changes them.</summary>
    protected async Task<IReadOnlyList<FanOutDelivery>> FanOut(CreditRecord record, string action)
    {
        var deliveries = new List<FanOutDelivery>();
        if (action == "add")
        {
            if (record.DerivedFrom is not null) return deliveries;
            foreach (var (kind, id, indicator, points) in await Targets(record))
            {
                var derivedId = RecordIds.Derived(record.RecordId, kind, id);
                var derived = record with
                {
                    RecordId = derivedId,
                    Indicator = indicator,
                    Points = points,
                    DerivedFrom = record.RecordId,
                    ValidityYears = null,
                    HonourScope = null,
                    CommitmentRef = null, // the breach is the source subject's (domain-rules §10), not its representative's
                    State = RecordState.Active,
                    StateChangedAt = null,
                    StateReason = null,
                };
                Dossier.Derived.Add(new DerivedLink(record.RecordId, kind, id, derivedId));
                deliveries.Add(Delivery(RecordIds.Delivery(action, record.RecordId, kind, id), record, kind, id) with { Record = derived });
            }
        }
        else
        {
            foreach (var link in Dossier.DerivedFrom(record.RecordId))
            {
                deliveries.Add(Delivery(RecordIds.Delivery(action, record.RecordId, link.TargetKind, link.TargetId), record, link.TargetKind, link.TargetId) with
                {
                    TargetRecordId = link.TargetRecordId,
                    NewState = record.State,
                    StateChangedAt = record.StateChangedAt,
                    StateReason = record.StateReason,
                });
            }
        }
        Dossier.Outbox.AddRange(deliveries);
        return deliveries;
    }

    private FanOutDelivery Delivery(string deliveryId, CreditRecord source, SubjectKind kind, string id) => new()
    {
        DeliveryId = deliveryId,
        SourceKind = Kind,
        SourceId = Id,
        SourceEventId = source.EventId,
        TargetKind = kind,
        TargetId = id,
    };

    public async Task Deliver(FanOutDelivery delivery)
    {
        if (!Dossier.HasReceived(delivery.DeliveryId))
        {
            if (delivery.Record is { } record && !Dossier.Records.Exists(r => r.RecordId == record.RecordId))
            {
                await services.RecordIndex.Add(new RecordLocation(record.RecordId, Kind, Id, record.Department, record.EventId));
                Dossier.Records.Add(record);
            }
            else if (delivery.TargetRecordId is { } target && delivery.NewState is { } newState)
            {
                var i = Dossier.Records.FindIndex(r => r.RecordId == target);
                if (i >= 0 && Dossier.Records[i].State != RecordState.Revoked)
                {
                    // A derived record follows its source by the same rules as a direct one (domain-rules §5, §6):
                    // a repair applies the row's repair rule here too, a revocation takes the replacement with it.
                    if (newState == RecordState.Repaired && Dossier.Records[i].State != RecordState.Repaired)
                        await RepairInPlace(i, delivery.StateChangedAt ?? services.Clock.Today, delivery.StateReason);
                    else if (newState != RecordState.Repaired)
                    {
                        Dossier.Records[i] = Dossier.Records[i] with { State = newState, StateChangedAt = delivery.StateChangedAt, StateReason = delivery.StateReason };
                        if (newState == RecordState.Revoked) RevokeReplacements(Dossier.Records[i]);
                    }
                }
            }
            Dossier.Received.Add(delivery.DeliveryId);
            // A fan-out target's change is its own line, with the source's event and department (http-api change log).
            _cause = delivery.Record?.Department ?? Dossier.Records.Find(r => r.RecordId == delivery.TargetRecordId)?.Department;
            await Save(delivery.SourceEventId, []);
        }
        GrainFactory.Records(delivery.SourceKind, delivery.SourceId).Acknowledge(delivery.DeliveryId).Ignore();
    }

    /// <summary>
    /// A target holds a delivery durably (it saved before acknowledging). The outbox shrinks in memory at once and is
    /// written a moment later for all the acknowledgements that arrived meanwhile: one unit honour reaching 2,000 staff
    /// made 2,000 writes of a dossier holding 2,000 deliveries (docs/benchmarks.md, honours). Losing that write in a
    /// crash only redelivers what was acknowledged; targets dedupe on the delivery id.
    /// </summary>
    public async Task Acknowledge(string deliveryId)
    {
        var i = Dossier.Outbox.FindIndex(d => d.DeliveryId == deliveryId);
        if (i < 0) return;
        var done = Dossier.Outbox[i];
        Dossier.Outbox.RemoveAt(i);
        _acknowledgementsToWrite ??= this.RegisterGrainTimer(WriteAcknowledgements,
            new GrainTimerCreationOptions(AcknowledgementWriteDelay, Timeout.InfiniteTimeSpan));
        // "applied" = the subject and every fan-out target reflect the event (http-api).
        if (!Dossier.Outbox.Exists(d => d.SourceEventId == done.SourceEventId))
            await services.Intake.MarkApplied(done.SourceEventId);
    }

    private static readonly TimeSpan AcknowledgementWriteDelay = TimeSpan.FromMilliseconds(50);
    private IGrainTimer? _acknowledgementsToWrite;

    private async Task WriteAcknowledgements(CancellationToken ct)
    {
        _acknowledgementsToWrite?.Dispose();
        _acknowledgementsToWrite = null;
        await state.WriteStateAsync(ct);
        await Reschedule();
    }

    private async Task Publish(IEnumerable<FanOutDelivery> deliveries)
    {
        var provider = this.GetStreamProvider(GridStreams.Provider);
        foreach (var d in deliveries)
            await provider.GetStream<FanOutDelivery>(StreamId.Create(GridStreams.FanOut(d.TargetKind), GrainKeys.Of(d.TargetKind, d.TargetId))).Announce(d); // the outbox redelivers a refused one
    }
}
