using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>
/// The pure evaluation of domain-rules §3-§5: records in, score, grade, stars and per-record facts out.
/// No I/O and no clock: the evaluation date is an argument. Each step below is one rule with its seed line.
/// </summary>
public sealed class RulesEngine(IndicatorCatalog catalog, RulesOptions options, Consequences consequences)
{
    public static RulesEngine Default { get; } = Checked(new(IndicatorCatalog.Default, RulesOptions.Default, Consequences.Default));

    /// <summary>domain-rules §9: every row and every rule line must cite a paper and article; refuse to start otherwise.</summary>
    private static RulesEngine Checked(RulesEngine engine)
    {
        Citations.PaperIndex.Default.Check(engine.Catalog, RuleLines.All);
        return engine;
    }

    public IndicatorCatalog Catalog => catalog;
    public RulesOptions Options => options;

    /// <summary>The full evaluation, with one explained <see cref="RecordEvaluation"/> per record (views, reports, the portal).</summary>
    public Evaluation Evaluate(SubjectProfile subject, IReadOnlyList<CreditRecord> records, DateOnly asOf) =>
        Score(subject, records, asOf).ToEvaluation();

    /// <summary>
    /// The score-only evaluation for saves and wakes (issue 16): the same rules and numbers as <see cref="Evaluate"/>
    /// (which is this plus the per-record explanations), without a <see cref="RecordEvaluation"/> per record.
    /// </summary>
    public Standing Score(SubjectProfile subject, IReadOnlyList<CreditRecord> records, DateOnly asOf)
    {
        if (!subject.Kind.IsScored()) return Unscored(subject, records, asOf);
        var kind = subject.Kind.ScoredAs();
        var inOrder = new RecordWork[records.Count];
        for (var i = 0; i < inOrder.Length; i++) inOrder[i] = Prepare(kind, records[i], asOf);
        // Records are mostly appended in order: sort a copy only when they are not.
        var work = inOrder;
        for (var i = 1; i < inOrder.Length; i++)
        {
            if (RecordWork.Chronological(inOrder[i - 1], inOrder[i]) <= 0) continue;
            work = (RecordWork[])inOrder.Clone();
            Array.Sort(work, RecordWork.Chronological);
            break;
        }

        if (kind == SubjectKind.Official) DoubleOfficialRepeats(work);
        SupersedeWithinOneDecision(kind, work);
        ApplyAmountRules(work);
        ApplyYearlyCaps(work);

        var bonus = kind == SubjectKind.Person ? PersonBonus(subject, SanctionYears(work), asOf) : 0;
        var score = Grades.BaseScore + bonus;
        var downgraded = false;
        foreach (var w in inOrder)
        {
            score += w.Effective;
            // L789, L2452: an active severe-list (or, for enterprises, criminal-penalty) record downgrades to D;
            // sharing a decision with a larger sanction (§3 rule 1) takes its points, not the downgrade.
            downgraded |= (w.Counts || w.Status == RecordStatus.Superseded) && w.Entry.Downgrade && kind != SubjectKind.Official;
        }
        var (grade, category, stars, consequenceKey) = Classify(kind, score, downgraded);

        return new Standing(subject.Kind, inOrder, unscored: false)
        {
            Score = score,
            Grade = grade,
            Category = category,
            Stars = stars,
            Downgraded = downgraded,
            Consequences = consequences.For(kind, consequenceKey),
            AsOf = asOf,
            Bonus = bonus,
            NextChangeAt = NextChange(subject, work, asOf, bonus),
        };
    }

    /// <summary>
    /// §1: an institution is not scored (the seed gives it no table). Each record keeps its row's base points, its
    /// validity and status by its own table's rules (§5), and counts 0; no grade, category or consequences.
    /// </summary>
    private Standing Unscored(SubjectProfile subject, IReadOnlyList<CreditRecord> records, DateOnly asOf)
    {
        var work = new RecordWork[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            work[i] = Prepare(IndicatorCatalog.KindOf(catalog.Get(records[i].Indicator)), records[i], asOf);
            work[i].Effective = 0;
        }
        return new Standing(subject.Kind, work, unscored: true)
        {
            Score = Grades.BaseScore,
            Downgraded = false,
            Consequences = [],
            AsOf = asOf,
            NextChangeAt = NextChange(subject, work, asOf, 0),
        };
    }

    private RecordWork Prepare(SubjectKind kind, CreditRecord r, DateOnly asOf)
    {
        if (!catalog.TryGet(r.Indicator, out var entry) || IndicatorCatalog.KindOf(entry) != kind)
            throw new ArgumentException($"record {r.RecordId}: indicator '{r.Indicator}' is not a {kind.ToWire()} indicator");
        var w = new RecordWork(r, entry) { Base = BasePoints(entry, r) };
        var (years, basis) = Validity.YearsFor(kind, entry, w.Base, r.ValidityYears);
        w.Basis = basis;
        w.ExpiresAt = Validity.ClockStart(r).AddYears(years);
        // L2469: information reported after its validity ended is no longer credit information.
        w.ReportedAfterValidity = r.ReportedAt >= w.ExpiresAt;
        w.Late = DoublePublicity.IsLate(entry, r.OccurredAt, r.ReportedAt, options);

        w.Status =
            r.State == RecordState.Revoked ? RecordStatus.Revoked            // L817
            : r.OccurredAt > asOf ? RecordStatus.Pending
            : w.ReportedAfterValidity ? RecordStatus.Expired
            : r.State == RecordState.Repaired && r.StateChangedAt <= asOf ? RecordStatus.Repaired // L816, L2488
            : asOf >= w.ExpiresAt ? RecordStatus.Expired
            : r.ObjectionOpenedAt <= asOf && !(r.ObjectionClosedAt <= asOf) ? RecordStatus.Objected // L815: keeps counting
            : RecordStatus.Active;
        if (w.Counts) w.Effective = w.Base;
        return w;
    }

    private static int BasePoints(CatalogEntry entry, CreditRecord r)
    {
        if (entry.AmountRule is { } rule) return AmountRules.Alone(rule, r.Amount ?? 0, r.AmountKind);
        if (entry.Points is { } fixedPoints) return fixedPoints;
        // §3 rule 2: range rows take the points stated on the event (validated at intake; clamped here for safety).
        return Math.Clamp(r.Points ?? 0, entry.MinPoints!.Value, entry.MaxPoints!.Value);
    }

    /// <summary>
    /// L1511: an official's sanction in a 分项 that already has a sanction active on its date counts twice its own value
    /// (not compounding). "Already" means an earlier record from another decision, valid on this record's date.
    /// </summary>
    private static void DoubleOfficialRepeats(RecordWork[] work)
    {
        for (var i = 1; i < work.Length; i++)
        {
            var w = work[i];
            if (!w.Counts || !w.Entry.IsSanction) continue;
            for (var j = 0; j < i; j++)
            {
                var s = work[j];
                if (s.Entry.IsSanction && s.Entry.Group == w.Entry.Group && !SameDecision(s.Record, w.Record) && s.CountedOn(w.Record.OccurredAt))
                {
                    w.Effective = 2 * w.Base;
                    w.Doubled = true;
                    break;
                }
            }
        }
    }

    /// <summary>§3 rule 1 (L800, L1509, L2456): one decision (department + actionRef) counts only its highest commendation and highest sanction.</summary>
    private static void SupersedeWithinOneDecision(SubjectKind kind, RecordWork[] work)
    {
        // Work is in chronological order, so on a tie the earlier record keeps its points. Each record keeps the slot
        // of its decision, so the second pass needs no lookup.
        Dictionary<(string, string, bool), Decision>? decisions = null;
        foreach (var w in work)
        {
            if (!w.Counts || string.IsNullOrEmpty(w.Record.ActionRef)) continue;
            decisions ??= [];
            var key = (w.Record.Department, w.Record.ActionRef, w.Entry.IsSanction);
            if (!decisions.TryGetValue(key, out var decision)) decisions[key] = decision = new Decision { Kept = w };
            else if (Math.Abs(w.Effective) > Math.Abs(decision.Kept.Effective)) decision.Kept = w;
            w.Decision = decision;
        }
        if (decisions is null) return;
        var line = kind switch { SubjectKind.Official => 1509, SubjectKind.Person => 2456, _ => 800 };
        foreach (var w in work)
        {
            if (w.Decision is null) continue;
            var kept = w.Decision.Kept;
            if (ReferenceEquals(kept, w)) continue;
            w.Status = RecordStatus.Superseded;
            w.Effective = 0;
            w.SupersededBy = kept.Entry.Name;
            w.SupersedeLine = line;
        }
    }

    /// <summary>§3.4: amounts add up per rule and calendar year of occurredAt; each record earns what it adds.</summary>
    private static void ApplyAmountRules(RecordWork[] work)
    {
        List<RecordWork>? amounts = null;
        foreach (var w in work)
        {
            if (w.Counts && w.Entry.AmountRule is not null) (amounts ??= []).Add(w);
        }
        if (amounts is null) return;
        foreach (var year in amounts.GroupBy(w => (w.Entry.Code, w.Record.OccurredAt.Year)))
        {
            var list = year.ToList();
            var cumulative = AmountRules.Cumulative(list[0].Entry.AmountRule!, [.. list.Select(w => (w.Record.Amount ?? 0, w.Record.AmountKind))]);
            for (var i = 0; i < list.Count; i++)
            {
                var share = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
                list[i].Effective = share;
                if (share == list[i].Base) continue;
                list[i].AmountYear = year.Key.Year;
                list[i].AmountShare = share;
            }
        }
    }

    /// <summary>§3 rule 3: yearly caps per subject and calendar year of occurredAt (L848, L883, L1557, L1647, L2509, L2563, L2569).</summary>
    private void ApplyYearlyCaps(RecordWork[] work)
    {
        List<RecordWork>? capped = null;
        foreach (var w in work)
        {
            if (w.Counts && w.Entry.YearlyCapGroup is not null) (capped ??= []).Add(w);
        }
        if (capped is null) return;
        foreach (var year in capped.GroupBy(w => (w.Entry.YearlyCapGroup!, w.Record.OccurredAt.Year)))
        {
            var cap = year.First().Entry.YearlyCap!.Value;
            var running = 0;
            foreach (var w in year)
            {
                var allowed = Math.Clamp(cap - running, 0, Math.Max(w.Effective, 0));
                if (allowed < w.Effective)
                {
                    w.Effective = allowed;
                    w.CapYear = year.Key.Year;
                    w.Cap = cap;
                    w.CapLine = catalog.CapSeedLine(year.Key.Item1);
                }
                running += w.Effective;
            }
        }
    }

    /// <summary>
    /// L2453: +3 for each year without a sanction, at most +15. Interpretation (domain-rules §4): each full calendar year
    /// after the registration year, before the year of asOf, in which no sanction (revoked ones and ones reported after
    /// their validity ended excepted) has its occurredAt.
    /// </summary>
    private static int PersonBonus(SubjectProfile subject, IReadOnlySet<int> sanctionYears, DateOnly asOf)
    {
        if (subject.RegisteredAt is not { } registered) return 0;
        var clean = 0;
        for (var year = registered.Year + 1; year < asOf.Year && clean < 5; year++)
            if (!sanctionYears.Contains(year)) clean++;
        return Math.Min(15, 3 * clean);
    }

    /// <summary>
    /// The calendar years in which a sanction occurred, for the L2453 bonus: revoked ones do not count (L817), nor ones
    /// reported after their validity ended (L2469 不再作为诚信积分信息 — they are no credit information for the score at all).
    /// </summary>
    private static HashSet<int> SanctionYears(RecordWork[] work)
    {
        var years = new HashSet<int>();
        foreach (var w in work)
            if (w.Record.State != RecordState.Revoked && !w.ReportedAfterValidity && w.Entry.IsSanction) years.Add(w.Record.OccurredAt.Year);
        return years;
    }

    private static (string? Grade, string Category, int? Stars, string ConsequenceKey) Classify(SubjectKind kind, int score, bool downgraded)
    {
        if (kind == SubjectKind.Official)
        {
            var stars = Grades.StarsOf(score);
            return (null, Grades.StarName(stars), stars, Grades.StarKey(stars));
        }
        var grade = Grades.GradeOf(score, downgraded);
        var category = kind == SubjectKind.Person ? Grades.PersonLevel(grade) : Grades.EnterpriseCategory(grade);
        return (grade, category, null, category);
    }

    private static DateOnly? NextChange(SubjectProfile subject, RecordWork[] work, DateOnly asOf, int bonus)
    {
        DateOnly? next = null;
        void Consider(DateOnly d)
        {
            if (d > asOf && (next is null || d < next)) next = d;
        }
        foreach (var w in work)
        {
            if (w.Record.State == RecordState.Revoked || w.ReportedAfterValidity) continue;
            Consider(w.Record.OccurredAt);
            Consider(w.ExpiresAt);
            if (w.Record.State == RecordState.Repaired && w.Record.StateChangedAt is { } repaired) Consider(repaired);
        }
        // L2453: the person bonus can grow at each new year.
        if (subject.Kind == SubjectKind.Person && subject.RegisteredAt is not null && bonus < 15)
            Consider(new DateOnly(asOf.Year + 1, 1, 1));
        return next;
    }

    private static bool SameDecision(CreditRecord a, CreditRecord b) =>
        !string.IsNullOrEmpty(a.ActionRef) && a.ActionRef == b.ActionRef && a.Department == b.Department;
}
