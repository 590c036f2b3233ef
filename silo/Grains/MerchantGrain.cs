using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Merchants;
using CreditGrid.Core.Street;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

[GenerateSerializer]
public sealed partial class MerchantState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public string? Street { get; set; }
    [Id(3)] public DateOnly? RegisteredAt { get; set; }
    [Id(4)] public string? Color { get; set; }
    [Id(5)] public long Version { get; set; }
    [Id(6)] public string? Grade { get; set; }
    [Id(7)] public int Score { get; set; } = 1000;
    [Id(8)] public List<Finding> Findings { get; set; } = [];
    [Id(9)] public Dictionary<string, string> Inspections { get; set; } = [];
    [Id(10)] public List<Complaint> Complaints { get; set; } = [];
    [Id(11)] public int ComplaintSeq { get; set; }
    [Id(12)] public List<Review> Reviews { get; set; } = [];
    [Id(13)] public bool Expelled { get; set; }
    [Id(14)] public string? ExpelledReason { get; set; }
    [Id(15)] public DateTimeOffset? WakeAt { get; set; }
    // Running review totals: older reviews move to the archive (issue 11 item 13), the colour ranking needs all of them.
    [Id(16)] public int ReviewCount { get; set; }
    [Id(17)] public long ReviewStars { get; set; }
    /// <summary>When the merchant was expelled (§7: the colour on an earlier date does not count it); null if never or unknown.</summary>
    [Id(18)] public DateOnly? ExpelledAt { get; set; }
    /// <summary>Its enterprise is downgraded (§4), as search filters it.</summary>
    [Id(19)] public bool Downgraded { get; set; }
    /// <summary>Today's reviews per hashed address (issue 15 item 6: one a day per address); earlier days are dropped.</summary>
    [Id(20)] public Dictionary<string, ReviewTally> ReviewsBySource { get; set; } = [];
}

/// <summary>
/// A shop on a pilot integrity street (L3314-L3347). Its credit records live on the enterprise of the same code;
/// the merchant adds inspections, complaints, reviews, expulsion and its colour (domain-rules §7), recomputed on every
/// change and when a deadline passes.
/// </summary>
public sealed partial class MerchantGrain(
    [PersistentState("merchant", "credit")] IPersistentState<MerchantState> state, GridClock clock, IDueWork due, IMerchantArchive archive)
    : Grain, IMerchantGrain
{
    private MerchantState S => state.State;
    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString());
    private IEnterpriseGrain Enterprise => GrainFactory.GetGrain<IEnterpriseGrain>(GrainKeys.Of(SubjectKind.Enterprise, Id));

    public async Task<bool> Register(SubjectRegistration registration)
    {
        var created = !S.Registered;
        S.Registered = true;
        S.Name = registration.Name ?? S.Name;
        S.Street = registration.Street ?? S.Street;
        S.RegisteredAt = registration.RegisteredAt ?? S.RegisteredAt ?? clock.Today;
        // http-api: registering a merchant also registers (if absent) the enterprise record of the same code.
        if (!await Enterprise.IsRegistered())
            await Enterprise.Register(registration with { Street = null });
        await Enterprise.FollowAsMerchant();
        var enterprise = await Enterprise.View(null);
        S.Grade = enterprise?.Evaluation.Grade;
        S.Score = enterprise?.Evaluation.Score ?? 1000;
        S.Downgraded = enterprise?.Evaluation.Downgraded ?? false;
        await GrainFactory.GetGrain<IStreetDirectoryGrain>(0).AddMerchant(S.Street!, Id);
        await Changed(eventId: null, force: true);
        return created;
    }

    public Task<SubjectView?> View(DateOnly? asOf) => Compose(asOf, withNextChanges: false);

    public Task<SubjectView?> Read(DateOnly? asOf) => Compose(asOf, withNextChanges: true);

    private async Task<SubjectView?> Compose(DateOnly? asOf, bool withNextChanges)
    {
        if (!S.Registered) return null;
        var enterprise = withNextChanges ? await Enterprise.Read(asOf) : await Enterprise.View(asOf);
        if (enterprise is null) return null;
        var day = asOf ?? clock.Today;
        var explained = Explain(enterprise.Evaluation.Grade, day);
        var view = enterprise with
        {
            Kind = SubjectKind.Merchant,
            Name = S.Name ?? enterprise.Name,
            Street = S.Street,
            Color = explained.Color.ToWire(),
            ColorReasons = explained.Reasons,
            Version = S.Version,
        };
        if (!withNextChanges) return view;
        // The enterprise's own next changes plus the street's (finding deadlines, complaints ageing), with the colour.
        var (findings, complaints, expelled) = StreetFacts();
        return view with { NextChanges = MerchantNextChanges.For(enterprise.Evaluation, enterprise.NextChanges, findings, complaints, expelled, day) };
    }

    public async Task EnterpriseChanged(EvaluationChange change)
    {
        if (!S.Registered) return;
        S.Grade = change.Grade;
        S.Score = change.Score;
        S.Downgraded = change.Downgraded;
        await Changed(change.EventId, force: false, enterpriseChange: change);
    }

    public async Task Wake()
    {
        if (!S.Registered) return;
        S.WakeAt = null;
        await Changed(eventId: null, force: false);
    }

    /// <summary>§7 colour on a date, from the enterprise grade and the street's own facts.</summary>
    private MerchantColor ColorOn(string? grade, DateOnly asOf) => Explain(grade, asOf).Color;

    /// <summary>§7 colour on a date with its reasons; only what existed on that date counts.</summary>
    private (MerchantColor Color, IReadOnlyList<ColorReason> Reasons) Explain(string? grade, DateOnly asOf)
    {
        var (findings, complaints, expelled) = StreetFacts();
        return MerchantColors.Explain(grade ?? "A", findings, complaints, expelled, asOf);
    }

    /// <summary>The street's own facts the colour reads (§7).</summary>
    private (InspectionFinding[] Findings, ComplaintStanding[] Complaints, DateOnly? ExpelledSince) StreetFacts() => (
        [.. S.Findings.Select(f => new InspectionFinding(f.FindingId, f.Area, f.Deadline, f.RectifiedAt, f.FoundAt))],
        [.. S.Complaints.Select(c => new ComplaintStanding(c.ComplaintId, c.ReceivedAt, c.Substantiated, c.ResolvedAt))],
        // An expulsion stored before its date was kept counts from always.
        S.Expelled ? S.ExpelledAt ?? DateOnly.MinValue : null);

    /// <summary>Persist, then tell the street board and the dashboard; reschedule the next deadline.</summary>
    private async Task Changed(string? eventId, bool force, EvaluationChange? enterpriseChange = null)
    {
        var today = clock.Today;
        var color = ColorOn(S.Grade, today).ToWire();
        var previous = S.Color;
        var colorChanged = color != previous;
        S.Color = color;
        S.Version++;
        var logged = StampChanges(previous, color, eventId, enterpriseChange);
        await Archive(today);
        await state.WriteStateAsync();
        await Reschedule(today);
        await this.AnnounceLogged(logged);

        await GrainFactory.GetGrain<IStreetGrain>(S.Street!).Update(Tile(today));
        if (!force && !colorChanged && enterpriseChange is null) return;
        this.Announcer().Change(new EvaluationChange // stored already: a refused announcement is dropped, never thrown (issue 11, item 16)
            {
                Kind = SubjectKind.Merchant,
                Id = Id,
                Name = S.Name,
                Score = S.Score,
                // The first publication of a merchant has no previous values (the grade distribution counts it once).
                PreviousScore = previous is null ? null : enterpriseChange?.PreviousScore ?? S.Score,
                Grade = S.Grade,
                PreviousGrade = previous is null ? null : enterpriseChange is null ? S.Grade : enterpriseChange.PreviousGrade,
                Color = color,
                PreviousColor = previous,
                EventId = eventId,
                At = clock.Now,
                Version = S.Version,
                Street = S.Street,
            });
    }

    private MerchantTile Tile(DateOnly today) => new(
        Id, S.Name ?? Id, S.Street!, Enum.Parse<MerchantColor>(S.Color!, ignoreCase: true), S.Grade, S.Score,
        AverageRating,
        S.ReviewCount,
        S.Findings.Count(f => f.FoundAt > today.AddMonths(-12)));

    /// <summary>
    /// The colour changes by itself the day after an open finding's deadline, and 12 months after a substantiated complaint.
    /// Runs after the state is written, so it must not throw (issue 11 item 1: a deadline of 9999-12-31 overflowed here
    /// and turned a stored inspection into a 500): a day that cannot follow is no wake-up.
    /// </summary>
    private async Task Reschedule(DateOnly today)
    {
        var dates = S.Findings.Where(f => f.RectifiedAt is null).Select(f => DayAfter(f.Deadline))
            .Concat(S.Complaints.Where(c => c.Substantiated == true).Select(c => DayAfter(YearAfter(c.ReceivedAt))))
            .OfType<DateOnly>()
            .Where(d => d > today)
            .ToList();
        DateTimeOffset? wake = dates.Count == 0 ? null : GridClock.StartOf(dates.Min());
        if (wake == S.WakeAt) return;
        S.WakeAt = wake;
        await due.Set(SubjectKind.Merchant.ToWire(), Id, wake);
    }

    private static DateOnly? DayAfter(DateOnly? day) => day is { } d && d < DateOnly.MaxValue ? d.AddDays(1) : null;

    private static DateOnly? YearAfter(DateOnly day) => day.Year < DateOnly.MaxValue.Year ? day.AddMonths(12) : null;
}
