using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>
/// The pure evaluation of domain-rules §3-§5: records in, score, grade, stars and per-record explanations out.
/// No I/O and no clock: the evaluation date is an argument. Each step below is one rule with its seed line.
/// </summary>
public sealed class RulesEngine(IndicatorCatalog catalog, RulesOptions options, Consequences consequences)
{
    public static RulesEngine Default { get; } = new(IndicatorCatalog.Default, RulesOptions.Default, Consequences.Default);

    public IndicatorCatalog Catalog => catalog;
    public RulesOptions Options => options;

    public Evaluation Evaluate(SubjectProfile subject, IReadOnlyList<CreditRecord> records, DateOnly asOf)
    {
        var kind = subject.Kind.ScoredAs();
        var inOrder = records.Select(r => Prepare(kind, r, asOf)).ToArray();
        var work = inOrder.ToList();
        work.Sort(RecordWork.Chronological);

        if (kind == SubjectKind.Official) DoubleOfficialRepeats(work);
        SupersedeWithinOneDecision(kind, work);
        ApplyAmountRules(work);
        ApplyYearlyCaps(work);

        var bonus = kind == SubjectKind.Person ? PersonBonus(subject, records, asOf) : 0;
        var score = Grades.BaseScore + work.Sum(w => w.Effective) + bonus;
        var downgraded = kind != SubjectKind.Official && work.Any(w => w.Counts && w.Entry.Downgrade);
        var (grade, category, stars, consequenceKey) = Classify(kind, score, downgraded);

        return new Evaluation
        {
            Kind = subject.Kind,
            Score = score,
            Grade = grade,
            Category = category,
            Stars = stars,
            Downgraded = downgraded,
            Consequences = consequences.For(kind, consequenceKey),
            AsOf = asOf,
            Bonus = bonus,
            Records = [.. inOrder.Select(w => w.ToEvaluation())],
            NextChangeAt = NextChange(subject, work, asOf, bonus),
        };
    }

    private RecordWork Prepare(SubjectKind kind, CreditRecord r, DateOnly asOf)
    {
        if (!catalog.TryGet(r.Indicator, out var entry) || IndicatorCatalog.KindOf(entry) != kind)
            throw new ArgumentException($"record {r.RecordId}: indicator '{r.Indicator}' is not a {kind.ToWire()} indicator");
        var w = new RecordWork(r, entry) { Base = BasePoints(entry, r) };
        var (years, why) = Validity.YearsFor(kind, entry, w.Base, r.ValidityYears, options);
        w.ExpiresAt = Validity.ClockStart(r).AddYears(years);
        // L483 双公示: penalty information is due within 7 days of the decision; later is accepted and flagged.
        w.Late = entry.Group == "行政处罚信息" && r.ReportedAt > r.OccurredAt.AddDays(options.PublicityDays);
        w.Source = $"“{entry.Name}”{Signed(w.Base)}分（L{entry.SeedLine}）";

        if (r.State == RecordState.Revoked)
            w.Set(RecordStatus.Revoked, $"{w.Source}；行政行为被撤销或确认违法，不作为信用信息（L817）{Reason(r)}");
        else if (r.OccurredAt > asOf)
            w.Set(RecordStatus.Pending, $"{w.Source}；发生日期{r.OccurredAt:yyyy-MM-dd}晚于评价日期，尚未计分");
        else if (r.ReportedAt >= w.ExpiresAt)
            w.Set(RecordStatus.Expired, $"{w.Source}；报送时已超过评价有效期（至{w.ExpiresAt:yyyy-MM-dd}），不再计分（L2469）");
        else if (r.State == RecordState.Repaired && r.StateChangedAt <= asOf)
            w.Set(RecordStatus.Repaired, $"{w.Source}；已于{r.StateChangedAt:yyyy-MM-dd}信用修复，自修复之日起不再计分（L816、L2488）{Reason(r)}");
        else if (asOf >= w.ExpiresAt)
            w.Set(RecordStatus.Expired, $"{w.Source}；{why}，已于{w.ExpiresAt:yyyy-MM-dd}到期");
        else
        {
            var objected = r.ObjectionOpenedAt <= asOf && !(r.ObjectionClosedAt <= asOf);
            w.Set(objected ? RecordStatus.Objected : RecordStatus.Active,
                $"{w.Source}；{why}，至{w.ExpiresAt:yyyy-MM-dd}" + (objected ? "；异议处理期间仍计分（L815）" : ""));
            w.Effective = w.Base;
        }
        return w;
    }

    private static int BasePoints(CatalogEntry entry, CreditRecord r)
    {
        if (entry.Points is { } fixedPoints) return fixedPoints;
        if (entry.AmountRule is { } rule) return AmountRules.Alone(rule, r.Amount ?? 0, r.AmountKind);
        // §3 rule 2: range rows take the points stated on the event (validated at intake; clamped here for safety).
        return Math.Clamp(r.Points ?? 0, entry.MinPoints!.Value, entry.MaxPoints!.Value);
    }

    /// <summary>
    /// L1511: an official's sanction in a 分项 that already has a sanction active on its date counts twice its own value
    /// (not compounding). "Already" means an earlier record from another decision, valid on this record's date.
    /// </summary>
    private static void DoubleOfficialRepeats(List<RecordWork> work)
    {
        for (var i = 0; i < work.Count; i++)
        {
            var w = work[i];
            if (!w.Counts || !w.Entry.IsSanction) continue;
            var on = w.Record.OccurredAt;
            var repeat = work.Take(i).Any(s =>
                s.Entry.IsSanction && s.Entry.Group == w.Entry.Group && !SameDecision(s.Record, w.Record)
                && s.CountedOn(on));
            if (!repeat) continue;
            w.Effective = 2 * w.Base;
            w.Note($"同一分项失信信息在有效期内重复发生，加倍减分为{w.Effective}分（L1511）");
        }
    }

    /// <summary>§3 rule 1: one decision (department + actionRef) counts only its highest commendation and highest sanction.</summary>
    private static void SupersedeWithinOneDecision(SubjectKind kind, List<RecordWork> work)
    {
        var line = kind switch { SubjectKind.Official => "L1509", SubjectKind.Person => "L2456", _ => "L800" };
        var decisions = work
            .Where(w => w.Counts && !string.IsNullOrEmpty(w.Record.ActionRef))
            .GroupBy(w => (w.Record.Department, w.Record.ActionRef, w.Entry.Polarity));
        foreach (var decision in decisions)
        {
            var kept = decision.OrderByDescending(w => Math.Abs(w.Effective)).First();
            foreach (var w in decision.Where(w => !ReferenceEquals(w, kept)))
            {
                w.Set(RecordStatus.Superseded,
                    $"{w.Source}；同一部门同一行为（{w.Record.ActionRef}）只按最高分值计分，已按“{kept.Entry.Name}”计分（{line}）");
                w.Effective = 0;
            }
        }
    }

    /// <summary>§3.4: amounts add up per rule and calendar year of occurredAt; each record earns what it adds.</summary>
    private static void ApplyAmountRules(List<RecordWork> work)
    {
        var years = work.Where(w => w.Counts && w.Entry.AmountRule is not null)
            .GroupBy(w => (w.Entry.Code, w.Record.OccurredAt.Year));
        foreach (var year in years)
        {
            var list = year.ToList();
            var rule = list[0].Entry.AmountRule!;
            var cumulative = AmountRules.Cumulative(rule, [.. list.Select(w => (w.Record.Amount ?? 0, w.Record.AmountKind))]);
            for (var i = 0; i < list.Count; i++)
            {
                var share = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
                list[i].Effective = share;
                if (share != list[i].Base)
                    list[i].Note($"{year.Key.Year}年度累计{UnitText(rule)}分档计分，本条计{share}分（{AmountRuleLine(list[i].Entry)}）");
            }
        }
    }

    /// <summary>§3 rule 3: yearly caps per subject and calendar year of occurredAt (L848, L883, L1557, L1647, L2509, L2563, L2569).</summary>
    private void ApplyYearlyCaps(List<RecordWork> work)
    {
        var years = work.Where(w => w.Counts && w.Entry.YearlyCapGroup is not null)
            .GroupBy(w => (w.Entry.YearlyCapGroup, w.Record.OccurredAt.Year));
        foreach (var year in years)
        {
            var cap = year.First().Entry.YearlyCap!.Value;
            var capLine = catalog.Of(IndicatorCatalog.KindOf(year.First().Entry))
                .Where(e => e.YearlyCapGroup == year.Key.YearlyCapGroup).Min(e => e.SeedLine);
            var running = 0;
            foreach (var w in year)
            {
                var allowed = Math.Clamp(cap - running, 0, Math.Max(w.Effective, 0));
                if (allowed < w.Effective)
                {
                    w.Effective = allowed;
                    w.Note($"{year.Key.Year}年度最多加{cap}分，本条计{allowed}分（L{capLine}）");
                }
                running += w.Effective;
            }
        }
    }

    /// <summary>
    /// L2453: +3 for each year without a sanction, at most +15. Interpretation (domain-rules §4): each full calendar year
    /// after the registration year, before the year of asOf, in which no sanction (revoked ones excepted) has its occurredAt.
    /// </summary>
    public int PersonBonus(SubjectProfile subject, IReadOnlyList<CreditRecord> records, DateOnly asOf)
    {
        if (subject.RegisteredAt is not { } registered) return 0;
        var sanctionYears = records
            .Where(r => r.State != RecordState.Revoked && catalog.TryGet(r.Indicator, out var e) && e.IsSanction)
            .Select(r => r.OccurredAt.Year)
            .ToHashSet();
        var clean = 0;
        for (var year = registered.Year + 1; year < asOf.Year; year++)
        {
            if (!sanctionYears.Contains(year)) clean++;
        }
        return Math.Min(15, 3 * clean);
    }

    private static (string? Grade, string Category, int? Stars, string ConsequenceKey) Classify(SubjectKind kind, int score, bool downgraded)
    {
        if (kind == SubjectKind.Official)
        {
            var stars = Grades.StarsOf(score);
            return (null, Grades.StarName(stars), stars, stars.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var grade = Grades.GradeOf(score, downgraded);
        var category = kind == SubjectKind.Person ? Grades.PersonLevel(grade) : Grades.EnterpriseCategory(grade);
        return (grade, category, null, category);
    }

    private static DateOnly? NextChange(SubjectProfile subject, List<RecordWork> work, DateOnly asOf, int bonus)
    {
        var candidates = new List<DateOnly>();
        foreach (var w in work.Where(w => w.Record.State != RecordState.Revoked && w.Record.ReportedAt < w.ExpiresAt))
        {
            candidates.Add(w.Record.OccurredAt);
            candidates.Add(w.ExpiresAt);
            if (w.Record.State == RecordState.Repaired && w.Record.StateChangedAt is { } repaired) candidates.Add(repaired);
        }
        // L2453: the person bonus can grow at each new year.
        if (subject.Kind == SubjectKind.Person && subject.RegisteredAt is not null && bonus < 15)
            candidates.Add(new DateOnly(asOf.Year + 1, 1, 1));
        var future = candidates.Where(d => d > asOf).ToList();
        return future.Count == 0 ? null : future.Min();
    }

    private static bool SameDecision(CreditRecord a, CreditRecord b) =>
        !string.IsNullOrEmpty(a.ActionRef) && a.ActionRef == b.ActionRef && a.Department == b.Department;

    private static string UnitText(AmountRule rule) => rule.Unit == "hours" ? "时长" : "金额";

    private static string AmountRuleLine(CatalogEntry entry) => $"L{entry.SeedLine}，§3.4";

    private static string Reason(CreditRecord r) => string.IsNullOrWhiteSpace(r.StateReason) ? "" : $"：{r.StateReason}";

    internal static string Signed(int points) => points > 0 ? $"+{points}" : points.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
