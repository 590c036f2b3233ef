namespace CreditGrid.Core.Rules;

/// <summary>
/// The next dates after asOf on which a subject's evaluation changes by itself (http-api "Subjects", docs/explanations.md):
/// a record starts or expires, a repair takes effect, the person bonus grows. The engine is pure, so each candidate date
/// is simply evaluated; only a date whose score, grade or stars differ from the day before is an entry, and the entry
/// says which records (or the bonus) made the difference.
/// </summary>
public static class NextChanges
{
    /// <summary>http-api: at most 10 entries.</summary>
    public const int Limit = 10;

    /// <summary>
    /// The work allowed for one view, in record evaluations (candidate dates × records): a bound for huge dossiers, about
    /// 1 s at the measured ~5 µs per record (docs/explanations.md); past it the list ends early.
    /// </summary>
    public const long Budget = 200_000;

    public static IReadOnlyList<NextChange> For(RulesEngine engine, SubjectProfile subject, IReadOnlyList<CreditRecord> records, Evaluation current)
    {
        // §1: an institution is not scored, so nothing it holds changes a value.
        if (!subject.Kind.IsScored()) return [];
        var result = new List<NextChange>();
        var before = current;
        long spent = 0;
        foreach (var day in Candidates(subject, records, current))
        {
            if (result.Count == Limit || (spent += Math.Max(1, records.Count)) > Budget) break;
            var after = engine.Evaluate(subject, records, day);
            if (after.Score != before.Score || after.Grade != before.Grade || after.Stars != before.Stars)
                result.Add(new NextChange(day, What(before, after), after.Score, after.Grade, after.Stars, null));
            before = after;
        }
        return result;
    }

    /// <summary>Every date after asOf on which some record's standing or the bonus can change, in order.</summary>
    private static SortedSet<DateOnly> Candidates(SubjectProfile subject, IReadOnlyList<CreditRecord> records, Evaluation current)
    {
        var asOf = current.AsOf;
        var dates = new SortedSet<DateOnly>();
        void Add(DateOnly? d)
        {
            if (d is { } x && x > asOf) dates.Add(x);
        }
        foreach (var r in current.Records)
        {
            Add(r.OccurredAt);  // a pending record starts
            Add(r.ExpiresAt);   // §5: counts while occurredAt ≤ asOf < expiresAt
        }
        foreach (var r in records)
            if (r.State == RecordState.Repaired) Add(r.StateChangedAt); // L816, L2488: stops counting from the repair date
        // L2453: the person bonus can grow on each 1 January, by 3, up to 15 (five more years at most).
        if (subject.Kind == SubjectKind.Person && subject.RegisteredAt is not null && current.Bonus < 15)
            for (var year = asOf.Year + 1; year <= Math.Min(asOf.Year + 6, DateOnly.MaxValue.Year); year++) Add(new DateOnly(year, 1, 1));
        return dates;
    }

    /// <summary>What changed between two consecutive evaluations: the records whose points or counting changed, and the bonus.</summary>
    private static string What(Evaluation before, Evaluation after)
    {
        var parts = new List<string>();
        for (var i = 0; i < after.Records.Count && i < before.Records.Count; i++)
        {
            var (b, a) = (before.Records[i], after.Records[i]);
            if (b.EffectivePoints == a.EffectivePoints && Counts(b) == Counts(a) && b.Status == a.Status) continue;
            if (Describe(b, a) is { } text) parts.Add(text);
        }
        if (after.Bonus != before.Bonus) parts.Add($"上一年度无失信扣分，年度奖励累计{Explanations.Signed(after.Bonus)}分");
        return parts.Count > 0 ? string.Join("；", parts) : "评价结果随日期变化";
    }

    private static string? Describe(RecordEvaluation b, RecordEvaluation a)
    {
        var name = "“" + a.Name + "”";
        return a.Status switch
        {
            RecordStatus.Expired when Counts(b) => name + "到期，不再计分",
            RecordStatus.Repaired when Counts(b) => name + "自修复之日起不再计分",
            RecordStatus.Superseded when Counts(b) => name + "与同一行为的更高分值记录只计一次，本条不再计分",
            _ when Counts(a) && b.Status == RecordStatus.Pending => name + "开始计分（" + Explanations.Signed(a.EffectivePoints) + "分）",
            _ when Counts(a) && !Counts(b) => name + "恢复计分（" + Explanations.Signed(a.EffectivePoints) + "分）",
            _ when Counts(a) && a.EffectivePoints != b.EffectivePoints => name + "改按" + Explanations.Signed(a.EffectivePoints) + "分计分",
            _ => null,
        };
    }

    private static bool Counts(RecordEvaluation r) => r.Status is RecordStatus.Active or RecordStatus.Objected;
}
