using CreditGrid.Core.Catalog;
using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>Invariants over many random dossiers (seeded, so a failure reproduces).</summary>
public class PropertyTests
{
    private static readonly string[] Departments = ["区市场监管局", "区税务局", "区人社局"];

    public static TheoryData<int> Seeds()
    {
        var d = new TheoryData<int>();
        for (var i = 1; i <= 40; i++) d.Add(i);
        return d;
    }

    private static (SubjectProfile Subject, List<CreditRecord> Records) RandomDossier(int seed)
    {
        var rng = new Random(seed);
        var kind = (SubjectKind)(seed % 3); // enterprise, person, official
        var entries = IndicatorCatalog.Default.Of(kind).Where(e => e.Reportable).ToArray();
        var records = new List<CreditRecord>();
        for (var i = 0; i < rng.Next(1, 25); i++)
        {
            var e = entries[rng.Next(entries.Length)];
            var occurred = new DateOnly(2022, 1, 1).AddDays(rng.Next(0, 1900));
            var r = Make(e.Code, occurred,
                department: Departments[rng.Next(Departments.Length)],
                actionRef: $"D-{rng.Next(0, 6)}",
                points: e.IsRange ? rng.Next(e.MinPoints!.Value, e.MaxPoints!.Value + 1) : null,
                amount: e.AmountRule is null ? null : rng.Next(0, 30000),
                amountKind: e.AmountRule is null ? null : (AmountKind)rng.Next(2),
                reportedAt: occurred.AddDays(rng.Next(0, 20)));
            if (rng.Next(6) == 0) r = r with { State = RecordState.Repaired, StateChangedAt = occurred.AddDays(rng.Next(1, 400)) };
            records.Add(r);
        }
        return (new SubjectProfile(kind, "x", new DateOnly(2021, 5, 1)), records);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_is_1000_plus_the_effective_points_plus_the_bonus(int seed)
    {
        var (subject, records) = RandomDossier(seed);
        var e = RulesEngine.Default.Evaluate(subject, records, Today);
        Assert.Equal(1000 + e.Records.Sum(r => r.EffectivePoints) + e.Bonus, e.Score);
        Assert.Equal(records.Count, e.Records.Count);
        Assert.All(e.Records.Where(r => r.Status is not (RecordStatus.Active or RecordStatus.Objected)), r => Assert.Equal(0, r.EffectivePoints));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_record_dated_after_asOf_never_counts(int seed)
    {
        var (subject, records) = RandomDossier(seed);
        var asOf = new DateOnly(2024, 6, 30);
        var e = RulesEngine.Default.Evaluate(subject, records, asOf);
        Assert.All(e.Records.Where(r => r.OccurredAt > asOf), r =>
        {
            Assert.Equal(RecordStatus.Pending, r.Status);
            Assert.Equal(0, r.EffectivePoints);
        });
        var past = records.Where(r => r.OccurredAt <= asOf).ToList();
        Assert.Equal(RulesEngine.Default.Evaluate(subject, past, asOf).Score, e.Score);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Revoking_a_record_restores_the_evaluation_without_it(int seed)
    {
        var (subject, records) = RandomDossier(seed);
        var victim = new Random(seed * 7).Next(records.Count);
        var revoked = records.Select((r, i) => i == victim ? r with { State = RecordState.Revoked, StateChangedAt = Today } : r).ToList();
        var without = records.Where((_, i) => i != victim).ToList();

        var a = RulesEngine.Default.Evaluate(subject, revoked, Today);
        var b = RulesEngine.Default.Evaluate(subject, without, Today);
        Assert.Equal(b.Score, a.Score);
        Assert.Equal(b.Grade, a.Grade);
        Assert.Equal(b.Stars, a.Stars);
        Assert.Equal(RecordStatus.Revoked, a.Records[victim].Status);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_order_records_arrive_in_does_not_change_the_score(int seed)
    {
        var (subject, records) = RandomDossier(seed);
        var shuffled = records.OrderBy(_ => Guid.NewGuid()).ToList();
        Assert.Equal(RulesEngine.Default.Evaluate(subject, records, Today).Score, RulesEngine.Default.Evaluate(subject, shuffled, Today).Score);
    }
}
