using CreditGrid.Core.Catalog;
using CreditGrid.Core.Portal;
using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>
/// Issue 16: the score-only evaluation a save or a wake makes (<see cref="RulesEngine.Score"/>) gives exactly what the
/// full evaluation gives — score, grade, stars, downgrade, next change, the 红黑榜 listing and the 双公示 rows. The
/// hand-worked rules tests check it too: <see cref="Records.Eval"/> compares both paths on every call.
/// </summary>
public class ScoreOnlyTests
{
    private static readonly string[] Departments = ["区市场监管局", "区税务局", "区人社局"];
    private static readonly SubjectKind[] Kinds = [SubjectKind.Enterprise, SubjectKind.Person, SubjectKind.Official, SubjectKind.Institution];

    public static TheoryData<int> Seeds()
    {
        var d = new TheoryData<int>();
        for (var i = 1; i <= 200; i++) d.Add(i);
        return d;
    }

    /// <summary>A random dossier exercising every rule input: decisions shared, amounts, ranges, downgrades, revokes,
    /// repairs, objections, continuing behaviour, late reports, long validity, derived records and future dates.</summary>
    private static (SubjectProfile Subject, List<CreditRecord> Records, DateOnly AsOf) RandomDossier(int seed)
    {
        var rng = new Random(seed);
        var kind = Kinds[seed % Kinds.Length];
        var table = kind == SubjectKind.Institution ? SubjectKind.Enterprise : kind;
        var entries = IndicatorCatalog.Default.Of(table).ToArray();
        var records = new List<CreditRecord>();
        var count = rng.Next(0, 40);
        for (var i = 0; i < count; i++)
        {
            var e = entries[rng.Next(entries.Length)];
            var occurred = new DateOnly(2020, 1, 1).AddDays(rng.Next(0, 2600));
            var r = Make(e.Code, occurred,
                department: Departments[rng.Next(Departments.Length)],
                actionRef: rng.Next(5) == 0 ? null : $"D-{rng.Next(0, 6)}",
                points: e.IsRange ? rng.Next(e.MinPoints!.Value, e.MaxPoints!.Value + 1) : null,
                amount: e.AmountRule is null ? null : rng.Next(0, 30000),
                amountKind: e.AmountRule is null ? null : (AmountKind)rng.Next(2),
                reportedAt: occurred.AddDays(rng.Next(8) == 0 ? rng.Next(300, 1500) : rng.Next(0, 20)),
                endedAt: rng.Next(8) == 0 ? occurred.AddDays(rng.Next(1, 300)) : null,
                validityYears: rng.Next(6) == 0 ? 2 : null);
            r = rng.Next(10) switch
            {
                0 => r with { State = RecordState.Repaired, StateChangedAt = occurred.AddDays(rng.Next(1, 400)), StateReason = "修复" },
                1 => r with { State = RecordState.Revoked, StateChangedAt = occurred.AddDays(rng.Next(1, 400)), StateReason = "撤销" },
                2 => r with { ObjectionOpenedAt = occurred.AddDays(rng.Next(0, 100)), ObjectionClosedAt = rng.Next(2) == 0 ? null : occurred.AddDays(rng.Next(100, 300)) },
                3 => r with { DerivedFrom = "r-source" },
                _ => r,
            };
            records.Add(r);
        }
        // Out of order sometimes, so both paths see an unsorted dossier.
        if (rng.Next(3) == 0) records.Reverse();
        var registered = rng.Next(4) == 0 ? (DateOnly?)null : new DateOnly(2015 + rng.Next(0, 10), 5, 1);
        var asOf = new DateOnly(2021, 1, 1).AddDays(rng.Next(0, 2400));
        return (new SubjectProfile(kind, $"s{seed}", registered), records, asOf);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_score_only_evaluation_of_a_random_dossier_equals_the_full_evaluation(int seed)
    {
        var (subject, records, asOf) = RandomDossier(seed);
        AssertSame(subject, records, asOf);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_enterprise_on_the_black_or_red_list_is_listed_the_same_by_both_evaluations(int seed)
    {
        // Enterprises only, with a downgrading record in half of them, so the black list and its cause are exercised.
        var rng = new Random(seed * 31);
        var (_, records, asOf) = RandomDossier(seed * 4); // seed × 4: an enterprise dossier
        var downgrading = IndicatorCatalog.Default.Of(SubjectKind.Enterprise).Where(e => e.Downgrade).ToArray();
        var commendations = IndicatorCatalog.Default.Of(SubjectKind.Enterprise).Where(e => !e.IsSanction && e.Points is > 0).ToArray();
        if (seed % 2 == 0)
            for (var i = 0; i < rng.Next(1, 4); i++)
                records.Add(Make(downgrading[rng.Next(downgrading.Length)].Code, asOf.AddDays(-rng.Next(0, 900)), actionRef: $"D-{rng.Next(0, 6)}"));
        else
            records.AddRange(Enumerable.Range(0, 6).Select(_ => Make(commendations[rng.Next(commendations.Length)].Code, asOf.AddDays(-rng.Next(0, 200)))));
        var listing = AssertSame(Enterprise, records, asOf);
        if (seed % 2 == 0 && listing is not null) Assert.Equal(PublicLists.Black, listing.List);
    }

    [Fact]
    public void The_random_dossiers_reach_every_status_both_lists_and_penalty_rows()
    {
        var statuses = new HashSet<RecordStatus>();
        var lists = new HashSet<string>();
        var penalties = 0;
        foreach (var seed in Enumerable.Range(1, 200))
        {
            var (subject, records, asOf) = RandomDossier(seed);
            var e = RulesEngine.Default.Evaluate(subject, records, asOf);
            statuses.UnionWith(e.Records.Select(r => r.Status));
            if (PublicLists.For(subject.Kind, "某公司", "某单位", e, null, asOf, IndicatorCatalog.Default) is { } l) lists.Add(l.List);
            penalties += PublicPenalties.Of(subject.Kind, e)?.Count ?? 0;
        }
        Assert.Equal(Enum.GetValues<RecordStatus>().ToHashSet(), statuses);
        Assert.Contains(PublicLists.Black, lists);
        Assert.Contains(PublicLists.Red, lists);
        Assert.True(penalties > 10, $"only {penalties} 双公示 rows in the random dossiers");
    }

    [Fact]
    public void A_downgraded_enterprise_gets_the_same_black_list_cause_and_penalties_from_the_save_path()
    {
        var severe = IndicatorCatalog.Default.Of(SubjectKind.Enterprise).First(e => e.Downgrade);
        var penalty = IndicatorCatalog.Default.Of(SubjectKind.Enterprise).First(e => e.Group == PublicPenalties.Group && e.Reportable && e.Points is not null);
        var records = new[]
        {
            Make(severe.Code, Today.AddDays(-30), actionRef: "市监罚〔2026〕7号", id: "r-b"),
            Make(severe.Code, Today.AddDays(-30), actionRef: "市监罚〔2026〕8号", id: "r-a"),
            Make(penalty.Code, Today.AddDays(-10), actionRef: "税罚〔2026〕1号"),
        };
        var listing = AssertSame(Enterprise, records, Today);
        Assert.NotNull(listing);
        Assert.Equal(PublicLists.Black, listing.List);
        Assert.Equal("r-a", listing.RecordId); // same day: the smaller record id, as the full evaluation picks
        var standing = RulesEngine.Default.Score(Enterprise, records, Today);
        Assert.Equal("D", standing.Grade);
        Assert.NotNull(PublicPenalties.Of(SubjectKind.Enterprise, standing));
    }

    /// <summary>Compares every output a save uses; returns the listing for further checks.</summary>
    internal static PublicListing? AssertSame(SubjectProfile subject, IReadOnlyList<CreditRecord> records, DateOnly asOf)
    {
        var full = RulesEngine.Default.Evaluate(subject, records, asOf);
        var fast = RulesEngine.Default.Score(subject, records, asOf);
        Assert.Equal(full.Kind, fast.Kind);
        Assert.Equal(full.Score, fast.Score);
        Assert.Equal(full.Grade, fast.Grade);
        Assert.Equal(full.Category, fast.Category);
        Assert.Equal(full.Stars, fast.Stars);
        Assert.Equal(full.Downgraded, fast.Downgraded);
        Assert.Equal(full.Bonus, fast.Bonus);
        Assert.Equal(full.AsOf, fast.AsOf);
        Assert.Equal(full.NextChangeAt, fast.NextChangeAt);
        Assert.Equal(full.Consequences, fast.Consequences);
        Assert.Equal(full.Records.Count, fast.Records.Count);
        for (var i = 0; i < full.Records.Count; i++)
        {
            var (a, b) = (full.Records[i], fast.Records[i]);
            Assert.Equal((a.RecordId, a.Indicator, a.Group, a.Name, a.Department, a.ActionRef, a.BasePoints, a.EffectivePoints, a.Status, a.OccurredAt, a.ExpiresAt, a.Late, a.DerivedFrom),
                (b.RecordId, b.Indicator, b.Group, b.Name, b.Department, b.ActionRef, b.BasePoints, b.EffectivePoints, b.Status, b.OccurredAt, b.ExpiresAt, b.Late, b.DerivedFrom));
        }
        var before = new PublicListing(PublicLists.Red, "x", "AAA", "r", new DateOnly(2026, 1, 2), null);
        foreach (var previous in new[] { null, before })
        {
            var listed = PublicLists.For(subject.Kind, "某公司", "某单位", full, previous, asOf, IndicatorCatalog.Default);
            Assert.Equal(listed, PublicLists.For(subject.Kind, "某公司", "某单位", fast, previous, asOf, IndicatorCatalog.Default));
        }
        var penalties = PublicPenalties.Of(subject.Kind, full);
        var fastPenalties = PublicPenalties.Of(subject.Kind, fast);
        Assert.Equal(penalties is null, fastPenalties is null);
        if (penalties is not null) Assert.Equal(penalties, fastPenalties!);
        return PublicLists.For(subject.Kind, "某公司", "某单位", full, null, asOf, IndicatorCatalog.Default);
    }
}
