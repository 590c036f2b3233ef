using CreditGrid.Core.Catalog;
using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>Generated from the catalogue: every reportable fixed-points row, alone on a fresh subject.</summary>
public class EveryRowTests
{
    private static readonly Dictionary<string, string> PaperTitles = new()
    {
        ["enterprise"] = "《张店区市场主体公共信用评价管理办法（试行）》",
        ["official"] = "《张店区公职人员诚信建设工作实施方案（试行）》",
        ["person"] = "《张店区个人诚信积分（爱张店·诚信分）管理实施方案（试行）》",
    };

    private static readonly Dictionary<string, string> AnnexNames = new() { ["enterprise"] = "指标体系", ["official"] = "评价标准", ["person"] = "积分指标" };

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
        // domain-rules §9: the row's paper and annex row, never a seed line.
        if (code == "E-CRIMINAL-PENALTY") Assert.Equal(PaperTitles[entry.Kind] + "第十四条", r.Citation); // L789, not in the annex
        else Assert.Equal(PaperTitles[entry.Kind] + "附件 " + AnnexNames[entry.Kind] + " · " + entry.Group, r.Citation);
        Assert.DoesNotMatch(@"L\d", r.Explanation);
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
