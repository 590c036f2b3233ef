using CreditGrid.Core.Catalog;
using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>Generated from the catalogue: every reportable fixed-points row, alone on a fresh subject.</summary>
public class EveryRowTests
{
    public static TheoryData<string> FixedRows()
    {
        var data = new TheoryData<string>();
        foreach (var e in IndicatorCatalog.Default.All.Where(e => e.Reportable && e.IsFixed))
            data.Add(e.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixedRows))]
    public void A_row_alone_yields_1000_plus_its_points_and_the_grade_that_score_implies(string code)
    {
        var entry = IndicatorCatalog.Default.Get(code);
        var kind = Enum.Parse<SubjectKind>(entry.Kind, ignoreCase: true);
        var on = new DateOnly(2026, 3, 2);
        var subject = new SubjectProfile(kind, "x", new DateOnly(2026, 1, 1));

        var e = RulesEngine.Default.Evaluate(subject, [Make(code, on)], on);

        Assert.Equal(1000 + entry.Points!.Value, e.Score);
        var r = e.Only();
        Assert.Equal(RecordStatus.Active, r.Status);
        Assert.Equal(entry.Points, r.EffectivePoints);
        Assert.Contains($"L{entry.SeedLine}", r.Explanation);
        if (kind == SubjectKind.Official)
        {
            Assert.Equal(Grades.StarsOf(e.Score), e.Stars);
            Assert.Null(e.Grade);
        }
        else
        {
            Assert.Equal(Grades.GradeOf(e.Score, entry.Downgrade), e.Grade);
            Assert.Equal(entry.Downgrade, e.Downgraded);
        }
    }

    [Fact]
    public void The_generated_theory_covers_every_fixed_row()
    {
        // 93 enterprise rows − 8 donation bands + criminal penalty, and so on: guard against the generator silently shrinking.
        Assert.True(FixedRows().Count >= 250, $"only {FixedRows().Count} rows");
    }
}
