namespace CreditGrid.Core.Rules;

/// <summary>
/// The score-only result of the rules engine (issue 16): what a save or a wake needs — score, grade, category, stars,
/// downgrade, bonus, the next date the evaluation changes by itself, and each record's standing as the publicity rules
/// read it (<see cref="IRecordFacts"/>) — without the per-record explanation objects that only reads need. The full
/// <see cref="Evaluation"/> is this plus <see cref="ToEvaluation"/>, so both come from the same rules, computed once.
/// </summary>
public sealed class Standing
{
    private readonly RecordWork[] _inOrder;
    private readonly bool _unscored;

    internal Standing(SubjectKind kind, RecordWork[] inOrder, bool unscored)
    {
        Kind = kind;
        _inOrder = inOrder;
        _unscored = unscored;
        Records = new StandingRecords(inOrder);
    }

    public SubjectKind Kind { get; }
    public required int Score { get; init; }
    /// <summary>AAA … D for enterprises and persons; null for officials and unscored subjects.</summary>
    public string? Grade { get; init; }
    public string? Category { get; init; }
    public int? Stars { get; init; }
    public required bool Downgraded { get; init; }
    public required IReadOnlyList<string> Consequences { get; init; }
    public required DateOnly AsOf { get; init; }
    public int Bonus { get; init; }
    public DateOnly? NextChangeAt { get; init; }

    /// <summary>The records in the dossier's order, as the publicity rules read them (no allocation per record).</summary>
    public StandingRecords Records { get; }

    /// <summary>The full evaluation with one <see cref="RecordEvaluation"/> per record (views, reports, the portal).</summary>
    public Evaluation ToEvaluation()
    {
        var evaluations = new RecordEvaluation[_inOrder.Length];
        for (var i = 0; i < evaluations.Length; i++) evaluations[i] = _inOrder[i].ToEvaluation(_unscored);
        return new Evaluation
        {
            Kind = Kind,
            Score = Score,
            Grade = Grade,
            Category = Category,
            Stars = Stars,
            Downgraded = Downgraded,
            Consequences = Consequences,
            AsOf = AsOf,
            Bonus = Bonus,
            Records = evaluations,
            NextChangeAt = NextChangeAt,
        };
    }
}

/// <summary>A standing's records: a view over the engine's per-record work, read through <see cref="RecordFacts"/>.</summary>
public sealed class StandingRecords : IReadOnlyList<RecordFacts>
{
    private readonly RecordWork[] _work;

    internal StandingRecords(RecordWork[] work) => _work = work;

    public RecordFacts this[int index] => new(_work[index]);
    public int Count => _work.Length;

    public IEnumerator<RecordFacts> GetEnumerator()
    {
        foreach (var w in _work) yield return new RecordFacts(w);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
