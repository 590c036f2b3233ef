using CreditGrid.Core;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>Builds records and evaluations for the rules tests.</summary>
internal static class Records
{
    private static int _next;

    public static readonly DateOnly Today = new(2026, 11, 28);

    public static CreditRecord Make(
        string indicator,
        DateOnly occurredAt,
        string department = "区市场监管局",
        string? actionRef = null,
        int? points = null,
        decimal? amount = null,
        AmountKind? amountKind = null,
        DateOnly? reportedAt = null,
        DateOnly? endedAt = null,
        int? validityYears = null,
        string? id = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new CreditRecord
        {
            RecordId = id ?? $"r{n:D6}",
            EventId = $"e{n:D6}",
            Indicator = indicator,
            Department = department,
            ActionRef = actionRef ?? $"act-{n}",
            OccurredAt = occurredAt,
            EndedAt = endedAt,
            Points = points,
            Amount = amount,
            AmountKind = amountKind,
            ValidityYears = validityYears,
            ReportedAt = reportedAt ?? occurredAt,
        };
    }

    public static SubjectProfile Enterprise => new(SubjectKind.Enterprise, "91370303MA3C0000X1", new DateOnly(2020, 1, 1));
    public static SubjectProfile Official => new(SubjectKind.Official, "370303199001011239", new DateOnly(2020, 1, 1));

    /// <summary>A person registered on the day of asOf's year start, so no annual bonus interferes unless a test wants it.</summary>
    public static SubjectProfile PersonRegistered(DateOnly registeredAt) => new(SubjectKind.Person, "370303199001011239", registeredAt);

    /// <summary>The full evaluation; every hand-worked scenario also checks that the save's score-only path agrees (issue 16).</summary>
    public static Evaluation Eval(SubjectProfile subject, DateOnly asOf, params CreditRecord[] records)
    {
        ScoreOnlyTests.AssertSame(subject, records, asOf);
        return RulesEngine.Default.Evaluate(subject, records, asOf);
    }

    public static Evaluation EvalPerson(DateOnly asOf, params CreditRecord[] records) =>
        Eval(PersonRegistered(new DateOnly(asOf.Year, 1, 1)), asOf, records);

    public static RecordEvaluation Only(this Evaluation e) => Assert.Single(e.Records);
}
