using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

public class GradeTests
{
    [Theory]
    [InlineData(1050, "AAA")]
    [InlineData(1049, "AA")]
    [InlineData(1030, "AA")]
    [InlineData(1029, "A+")]
    [InlineData(1001, "A+")]
    [InlineData(1000, "A")]
    [InlineData(999, "A-")]
    [InlineData(960, "A-")]
    [InlineData(959, "B")]
    [InlineData(850, "B")]
    [InlineData(849, "C")]
    [InlineData(0, "C")]
    public void Grade_bands_L792_L799(int score, string grade) => Assert.Equal(grade, Grades.GradeOf(score, downgraded: false));

    [Fact]
    public void A_downgrade_is_D_whatever_the_score() => Assert.Equal("D", Grades.GradeOf(1200, downgraded: true));

    [Theory]
    [InlineData(1090, 6)]
    [InlineData(1089, 5)]
    [InlineData(1060, 5)]
    [InlineData(1059, 4)]
    [InlineData(1020, 4)]
    [InlineData(1019, 3)]
    [InlineData(980, 3)]
    [InlineData(979, 2)]
    [InlineData(830, 2)]
    [InlineData(829, 1)]
    public void Star_bands_L1499_L1506(int score, int stars) => Assert.Equal(stars, Grades.StarsOf(score));

    [Theory]
    [InlineData("AAA", "诚信守法", "诚信模范")]
    [InlineData("A-", "诚信守法", "诚信")]
    [InlineData("B", "轻微失信", "诚信警示")]
    [InlineData("C", "一般失信", "失信")]
    [InlineData("D", "严重失信", "严重失信")]
    public void Category_and_person_level_by_grade(string grade, string category, string level)
    {
        Assert.Equal(category, Grades.EnterpriseCategory(grade));
        Assert.Equal(level, Grades.PersonLevel(grade));
    }

    [Theory]
    [InlineData(-41, 959, "B")]     // 1000-41 = 959
    [InlineData(-40, 960, "A-")]
    [InlineData(-151, 849, "C")]
    [InlineData(-150, 850, "B")]
    public void Enterprise_boundaries_end_to_end_with_a_range_row(int points, int score, string grade)
    {
        var e = Eval(Enterprise, Today, Make("E-OTHER-DISHONESTY", Today, points: points));
        Assert.Equal(score, e.Score);
        Assert.Equal(grade, e.Grade);
    }

    [Fact]
    public void A_fine_of_10k_to_100k_drops_an_enterprise_to_A_minus_with_its_supervision_text()
    {
        var e = Eval(Enterprise, Today, Make("E-PEN-FINE-10K-100K", new DateOnly(2026, 10, 2)));
        Assert.Equal(960, e.Score);
        Assert.Equal("A-", e.Grade);
        Assert.Equal("诚信守法", e.Category);
        Assert.Contains(e.Consequences, c => c.Contains("非请勿扰"));
    }

    [Fact]
    public void Consequences_follow_the_category_and_the_stars()
    {
        var b = Eval(Enterprise, Today, Make("E-OTHER-DISHONESTY", Today, points: -100));
        Assert.Contains(b.Consequences, c => c.StartsWith("第二十一条"));
        var official2 = Eval(Official, Today, Make("O-DUTY-APPRAISAL-BASIC", Today)); // 970 → 2★
        Assert.Equal(2, official2.Stars);
        Assert.Equal("较诚信", official2.Category);
        Assert.Contains(official2.Consequences, c => c.Contains("不得作为推荐对象"));
        Assert.DoesNotContain(official2.Consequences, c => c.Contains("不能参加各类专业技术职称评聘"));
    }

    [Fact]
    public void A_person_below_the_integrity_levels_gets_no_score_consequence()
    {
        // L2439: a person's score is for incentives only.
        var c = EvalPerson(Today, Make("P-PEN-FINE-OVER-100K", Today)); // 800 → C
        Assert.Equal("C", c.Grade);
        Assert.Empty(c.Consequences);
        var a = EvalPerson(Today, Make("P-AWARD-DISTRICT-GOV", Today));
        Assert.Contains(a.Consequences, t => t.Contains("图书借阅"));
    }
}
