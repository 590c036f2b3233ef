using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Grains;

/// <summary>Persist, then publish: deliveries, the evaluation change, and the next time this subject must wake.</summary>
public abstract partial class SubjectGrain
{
    /// <summary>How long an unacknowledged delivery waits before it is sent again.</summary>
    private static readonly TimeSpan RedeliveryDelay = TimeSpan.FromSeconds(10);

    protected async Task Save(string? eventId, IReadOnlyList<FanOutDelivery> deliveries)
    {
        Dossier.Exists = true;
        Dossier.Version++;
        var evaluation = ScoreOnly(services.Clock.Today);
        // domain-rules §9 诚信红黑榜: the listing is saved with the state; public_list is its projection (docs/portal.md).
        Dossier.SetListing(Core.Portal.PublicLists.For(Kind, Dossier.Name, Dossier.Unit, evaluation, Dossier.Listing, services.Clock.Today, services.Rules.Catalog));
        Dossier.SetPenalties(Core.Portal.PublicPenalties.Of(Kind, evaluation)); // 双公示 (§9, L483)
        var change = Diff(evaluation, eventId);
        var logged = StampChanges(change);
        // Both writes queue at once, so they normally share one group commit (one wait instead of two).
        try { await Task.WhenAll(state.WriteStateAsync(), Reschedule(evaluation)); }
        catch { DeactivateOnIdle(); throw; } // unsaved changes must not answer the pump's retry as applied: the next call reloads the stored state
        if (deliveries.Count > 0) await Publish(deliveries);
        if (change is not null) await Announce(change);
        await this.AnnounceLogged(logged);
    }

    /// <summary>Compares the live evaluation with the last one published; records the new one in the dossier.</summary>
    private EvaluationChange? Diff(Standing e, string? eventId)
    {
        var today = services.Clock.Today;
        var before = Dossier.Published;
        Dossier.Published = new PublishedEvaluation(e.Score, e.Grade, e.Stars, today, e.Downgraded);
        if (before is not null && before.Score == e.Score && before.Grade == e.Grade && before.Stars == e.Stars) return null;
        return new EvaluationChange
        {
            Kind = Kind,
            Id = Id,
            Name = Dossier.Name,
            Score = e.Score,
            PreviousScore = before?.Score,
            Grade = e.Grade,
            PreviousGrade = before?.Grade,
            Stars = e.Stars,
            PreviousStars = before?.Stars,
            EventId = eventId,
            At = services.Clock.Now,
            Version = Dossier.Version,
            Department = _cause ?? ChangeKinds.System,
            Downgraded = e.Downgraded,
        };
    }

    /// <summary>
    /// The change goes on the changes stream of its kind through the silo's announcer (one message per round and kind,
    /// <see cref="ChangeAnnouncer"/>), so no activation builds a stream of its own; kinds add their own listeners (an
    /// enterprise tells its merchant). The change is stored already: a refused announcement is counted and dropped, never thrown.
    /// </summary>
    protected virtual Task Announce(EvaluationChange change)
    {
        this.Announcer().Change(change);
        return Task.CompletedTask;
    }

    /// <summary>Writes when this subject must next be woken: the next date its evaluation changes by itself, or a redelivery.</summary>
    protected async Task Reschedule(Standing? current = null)
    {
        DateTimeOffset? wake = null;
        if ((current ?? ScoreOnly(services.Clock.Today)).NextChangeAt is { } next) wake = GridClock.StartOf(next);
        if (Dossier.HasOutbox)
        {
            var redeliver = services.Clock.Now + RedeliveryDelay;
            if (wake is null || redeliver < wake) wake = redeliver;
        }
        if (wake == Dossier.WakeAt) return;
        Dossier.WakeAt = wake;
        await services.DueWork.Set(Kind.ToWire(), Id, wake);
    }

    /// <summary>Called by the scheduler when the due time passed (also after a restart): re-evaluate, publish, redeliver.</summary>
    public async Task Wake()
    {
        if (!Dossier.Exists) return;
        Dossier.WakeAt = null; // force the schedule to be written again
        _cause = null; // time-driven: a record expired or started (系统)
        var evaluation = ScoreOnly(services.Clock.Today);
        var change = Diff(evaluation, eventId: null);
        if (change is not null)
        {
            Dossier.Version++;
            var logged = StampChanges(change);
            await state.WriteStateAsync();
            await Announce(change with { Version = Dossier.Version });
            await this.AnnounceLogged(logged);
        }
        if (Dossier.HasOutbox) await Publish(Dossier.Outbox);
        await Reschedule(evaluation);
    }
}
