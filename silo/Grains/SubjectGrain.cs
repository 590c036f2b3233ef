using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// A credit subject: its dossier is the state; every score comes from the rules engine; every change is persisted
/// before anything is published. One subclass per kind adds that kind's fan-out (domain-rules §6).
/// </summary>
public abstract partial class SubjectGrain(IPersistentState<Dossier> state, GridServices services)
    : Grain, ISubjectGrain, IStreamSubscriptionObserver
{
    protected abstract SubjectKind Kind { get; }
    protected string Id => GrainKeys.IdOf(this.GetPrimaryKeyString());
    protected Dossier Dossier => state.State;
    protected GridServices Services => services;
    protected IndicatorCatalog Catalog => services.Rules.Catalog;

    public async Task<bool> Register(SubjectRegistration registration)
    {
        var created = !Dossier.Registered;
        Dossier.Registered = true;
        Dossier.Name = registration.Name ?? Dossier.Name;
        Dossier.RegisteredAt = registration.RegisteredAt ?? Dossier.RegisteredAt ?? services.Clock.Today;
        Dossier.EnterpriseType = registration.EnterpriseType ?? Dossier.EnterpriseType;
        Dossier.Street = registration.Street ?? Dossier.Street;
        Dossier.Unit = registration.Unit ?? Dossier.Unit;
        await OnRegistering(registration);
        await Save(eventId: null, deliveries: []);
        return created;
    }

    /// <summary>Kind-specific registration work, before the dossier is saved.</summary>
    protected virtual Task OnRegistering(SubjectRegistration registration) => Task.CompletedTask;

    public Task<bool> IsRegistered() => Task.FromResult(Dossier.Registered);

    public async Task<SubjectView?> Read(DateOnly? asOf)
    {
        if (await View(asOf) is not { } view) return null;
        // http-api "Subjects": the dates after asOf on which the evaluation changes by itself (docs/explanations.md).
        return view with { NextChanges = NextChanges.For(services.Rules, new SubjectProfile(Kind, Id, Dossier.RegisteredAt), Dossier.Records, view.Evaluation) };
    }

    public Task<SubjectView?> View(DateOnly? asOf)
    {
        if (!Dossier.Exists) return Task.FromResult<SubjectView?>(null);
        var evaluation = Evaluate(asOf ?? services.Clock.Today);
        return Task.FromResult<SubjectView?>(new SubjectView
        {
            Kind = Kind,
            Id = Id,
            Name = Dossier.Name,
            Evaluation = evaluation,
            Version = Dossier.Version,
            LegalRepresentatives = Dossier.LegalRepresentatives,
            Street = Dossier.Street,
            Unit = Dossier.Unit,
            EnterpriseType = Dossier.EnterpriseType,
            RegisteredAt = Dossier.RegisteredAt,
            Registered = Dossier.Registered,
            InstitutionType = Dossier.InstitutionType,
            Staff = Dossier.Staff,
        });
    }

    public async Task<IReadOnlyList<ApplyOutcome>> Apply(IReadOnlyList<CreditEvent> events)
    {
        using var activity = GridMetrics.Activities.StartActivity("subject.apply");
        activity?.SetTag("creditgrid.subject_kind", Kind.ToWire());
        activity?.SetTag("creditgrid.event_id", string.Join(",", events.Select(e => e.EventId)));
        var outcomes = new List<ApplyOutcome>(events.Count);
        var deliveries = new List<FanOutDelivery>();
        string? last = null;
        foreach (var e in events)
        {
            var recordId = RecordIds.For(e.EventId);
            if (Dossier.Records.Exists(r => r.RecordId == recordId))
            {
                outcomes.Add(new ApplyOutcome(e.EventId, Pending(e.EventId) ? EventState.Delivered : EventState.Applied, [recordId], null));
                continue;
            }
            if (Dossier.WasRejected(e.EventId, out var earlier))
            {
                outcomes.Add(new ApplyOutcome(e.EventId, EventState.Rejected, [], earlier));
                continue;
            }
            if (RefuseEvent(e) is { } reason)
            {
                Dossier.RejectedEvents[e.EventId] = reason;
                outcomes.Add(new ApplyOutcome(e.EventId, EventState.Rejected, [], reason));
                last = e.EventId;
                continue;
            }
            var record = Shared(ToRecord(e, recordId));
            Dossier.Records.Add(record);
            _cause = record.Department; // the change log names the event's department
            var fanned = await FanOut(record, "add");
            deliveries.AddRange(fanned);
            outcomes.Add(new ApplyOutcome(e.EventId, fanned.Count > 0 ? EventState.Delivered : EventState.Applied, [recordId], null));
            last = e.EventId;
        }
        if (last is not null) await Save(last, deliveries);
        return outcomes;
    }

    /// <summary>Why this subject cannot take the event now (checked again at apply time), or null.</summary>
    protected virtual string? RefuseEvent(CreditEvent e) =>
        Catalog.TryGet(e.Indicator, out var entry) && entry.Kind == Kind.ScoredAs().ToWire()
            ? null
            : $"指标 {e.Indicator} 不属于{SubjectKinds.ChineseName(Kind)}的评价指标";

    private static CreditRecord ToRecord(CreditEvent e, string recordId) => new()
    {
        RecordId = recordId,
        EventId = e.EventId,
        Indicator = e.Indicator,
        Department = e.Department,
        ActionRef = e.ActionRef,
        OccurredAt = e.OccurredAt,
        EndedAt = e.EndedAt,
        Points = e.Points,
        Amount = e.Amount,
        AmountKind = e.AmountKind,
        ValidityYears = e.ValidityYears,
        ReportedAt = e.ReportedAt,
        Note = e.Note,
        HonourScope = e.HonourScope,
        PenaltyKind = e.PenaltyKind,
        CommitmentRef = e.CommitmentRef,
    };

    /// <summary>
    /// The record with its indicator and department as the one shared string each (the catalogue's code, an interned
    /// department name — departments are the API keys' few names): otherwise every resident grain holds its own copies,
    /// about 100 bytes per record (docs/benchmarks.md, memory).
    /// </summary>
    private CreditRecord Shared(CreditRecord r)
    {
        var indicator = Catalog.TryGet(r.Indicator, out var entry) ? entry.Code : r.Indicator;
        var department = string.Intern(r.Department);
        return ReferenceEquals(indicator, r.Indicator) && ReferenceEquals(department, r.Department) ? r : r with { Indicator = indicator, Department = department };
    }

    public Task<string?> RecordDepartment(string recordId) =>
        Task.FromResult(Dossier.Records.Find(r => r.RecordId == recordId)?.Department);

    protected Evaluation Evaluate(DateOnly asOf) =>
        services.Rules.Evaluate(new SubjectProfile(Kind, Id, Dossier.RegisteredAt), Dossier.Records, asOf);

    /// <summary>The score-only evaluation saves and wakes use (issue 16): the same numbers, no per-record explanations.</summary>
    protected Standing ScoreOnly(DateOnly asOf) =>
        services.Rules.Score(new SubjectProfile(Kind, Id, Dossier.RegisteredAt), Dossier.Records, asOf);

    private bool Pending(string eventId) => Dossier.HasPendingDelivery(eventId);

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<FanOutDelivery>().ResumeAsync((delivery, _) => Deliver(delivery));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        GridMetrics.Activated(Kind, -1);
        if (_acknowledgementsToWrite is not null) await WriteAcknowledgements(cancellationToken);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        GridMetrics.Activated(Kind, +1);
        for (var i = 0; i < Dossier.Records.Count; i++) Dossier.Records[i] = Shared(Dossier.Records[i]);
        // Anything in the outbox was not acknowledged before the last deactivation or crash: send it again.
        if (Dossier.HasOutbox) await Publish(Dossier.Outbox);
        await base.OnActivateAsync(cancellationToken);
    }
}
