using BenchmarkDotNet.Attributes;
using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Rules;

namespace CreditGrid.Benchmarks;

/// <summary>Rules engine throughput: one Evaluate call on a subject with N mixed records (issue: ≥ 200,000/s/core).</summary>
[MemoryDiagnoser]
public class EvaluateBenchmark
{
    private SubjectProfile _subject = null!;
    private CreditRecord[] _records = [];
    private readonly DateOnly _asOf = new(2026, 11, 28);

    [Params(5, 20, 100)]
    public int Records { get; set; }

    [Params("enterprise", "person", "official")]
    public string Kind { get; set; } = "enterprise";

    [GlobalSetup]
    public void Setup()
    {
        SubjectKinds.TryParse(Kind, out var kind);
        _subject = new SubjectProfile(kind, "x", new DateOnly(2020, 1, 1));
        var rng = new Random(42);
        var entries = IndicatorCatalog.Default.Of(kind).Where(e => e.Reportable && !e.Downgrade).ToArray();
        _records = [.. Enumerable.Range(0, Records).Select(i =>
        {
            var e = entries[rng.Next(entries.Length)];
            var occurred = new DateOnly(2024, 1, 1).AddDays(rng.Next(0, 1000));
            return new CreditRecord
            {
                RecordId = $"r{i}",
                EventId = $"e{i}",
                Indicator = e.Code,
                Department = i % 3 == 0 ? "区市场监管局" : "区税务局",
                ActionRef = $"D-{rng.Next(0, Records)}",
                OccurredAt = occurred,
                ReportedAt = occurred.AddDays(rng.Next(0, 10)),
                Points = e.IsRange ? e.MinPoints : null,
                Amount = e.AmountRule is null ? null : rng.Next(100, 20000),
                AmountKind = e.AmountRule is null ? null : AmountKind.Cash,
            };
        })];
        _ = RulesEngine.Default.Evaluate(_subject, _records, _asOf);
    }

    [Benchmark(Baseline = true)]
    public Evaluation Evaluate() => RulesEngine.Default.Evaluate(_subject, _records, _asOf);

    /// <summary>Issue 16: the score-only evaluation a save or wake makes (no per-record explanations).</summary>
    [Benchmark]
    public Standing Score() => RulesEngine.Default.Score(_subject, _records, _asOf);
}
