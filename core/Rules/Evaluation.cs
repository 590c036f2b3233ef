namespace CreditGrid.Core.Rules;

/// <summary>A record's standing on the evaluation date.</summary>
[GenerateSerializer]
public enum RecordStatus
{
    Active,
    Expired,
    Pending,
    Revoked,
    Repaired,
    Superseded,
    Objected,
}

/// <summary>The live credit evaluation of one subject on one date (domain-rules §3-§5).</summary>
[GenerateSerializer, Immutable]
public sealed record Evaluation
{
    [Id(0)] public required SubjectKind Kind { get; init; }
    [Id(1)] public required int Score { get; init; }
    /// <summary>AAA … D for enterprises and persons; null for officials.</summary>
    [Id(2)] public string? Grade { get; init; }
    /// <summary>Enterprise category, person level, or official star name.</summary>
    [Id(3)] public string? Category { get; init; }
    /// <summary>1-6 for officials; null otherwise.</summary>
    [Id(4)] public int? Stars { get; init; }
    [Id(5)] public required bool Downgraded { get; init; }
    [Id(6)] public required IReadOnlyList<string> Consequences { get; init; }
    [Id(7)] public required DateOnly AsOf { get; init; }
    /// <summary>Person annual bonus (L2453), included in the score.</summary>
    [Id(8)] public int Bonus { get; init; }
    [Id(9)] public required IReadOnlyList<RecordEvaluation> Records { get; init; }
    /// <summary>The next date after AsOf on which the evaluation may change by itself (expiry, start, bonus).</summary>
    [Id(10)] public DateOnly? NextChangeAt { get; init; }
}

/// <summary>One record as the evaluation sees it: base and effective points, status, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordEvaluation : IRecordFacts
{
    [Id(0)] public required string RecordId { get; init; }
    [Id(1)] public required string EventId { get; init; }
    [Id(2)] public required string Indicator { get; init; }
    [Id(3)] public required string Group { get; init; }
    [Id(4)] public required string Name { get; init; }
    [Id(5)] public required string Department { get; init; }
    [Id(6)] public string? ActionRef { get; init; }
    [Id(7)] public required int BasePoints { get; init; }
    [Id(8)] public required int EffectivePoints { get; init; }
    [Id(9)] public required RecordStatus Status { get; init; }
    [Id(10)] public required DateOnly OccurredAt { get; init; }
    [Id(11)] public DateOnly? ExpiresAt { get; init; }
    [Id(12)] public required bool Late { get; init; }
    [Id(13)] public string? DerivedFrom { get; init; }
    [Id(14)] public required int SeedLine { get; init; }
    [Id(15)] public ValidityBasis ValidityBasis { get; init; }
    [Id(16)] public bool ReportedAfterValidity { get; init; }
    [Id(17)] public bool Doubled { get; init; }
    [Id(18)] public int? AmountYear { get; init; }
    [Id(19)] public int AmountShare { get; init; }
    [Id(20)] public int? CapYear { get; init; }
    [Id(21)] public int Cap { get; init; }
    [Id(22)] public int CapLine { get; init; }
    [Id(23)] public string? SupersededBy { get; init; }
    [Id(24)] public int SupersedeLine { get; init; }
    [Id(25)] public DateOnly? StateChangedAt { get; init; }
    [Id(26)] public string? StateReason { get; init; }
    /// <summary>The record is held by a subject that is not scored (an institution, §1): effectivePoints is 0.</summary>
    [Id(27)] public bool Unscored { get; init; }
    /// <summary>The penalty as decided when it is scored on another row (警告 on the 通报批评 row, §3 rule 8).</summary>
    [Id(28)] public string? PenaltyKind { get; init; }
    /// <summary>E-PLEDGE-* rows: the commitment this record breaches (domain-rules §10).</summary>
    [Id(29)] public string? CommitmentRef { get; init; }

    /// <summary>One Chinese line on why the effective points are what they are, citing paper and article (rendered on demand).</summary>
    public string Explanation => Explanations.Render(this);

    /// <summary>The catalogue row's paper and annex row, then the article of each rule that changed its points (domain-rules §9).</summary>
    public string Citation => RecordCitations.Render(this);
}
