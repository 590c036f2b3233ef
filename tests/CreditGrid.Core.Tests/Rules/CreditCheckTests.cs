using CreditGrid.Core.Citations;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>domain-rules §10: the credit check's table over every grade, star level and purpose.</summary>
public class CreditCheckTests
{
    private static readonly string[] GradeList = ["AAA", "AA", "A+", "A", "A-", "B", "C", "D"];

    private static Evaluation Of(SubjectKind kind, string? grade, int? stars = null) => new()
    {
        Kind = kind, Score = 1000, Grade = grade, Stars = stars, Downgraded = grade == "D", Consequences = [], AsOf = new(2026, 11, 28), Records = [],
        Category = grade is null ? null : Grades.EnterpriseCategory(grade),
    };

    [Fact]
    public void A_person_is_never_restricted_and_gets_incentives_only_from_A_minus_up()
    {
        foreach (var grade in GradeList)
            foreach (var purpose in Enum.GetValues<CheckPurpose>())
            {
                var answer = CreditCheck.Decide(SubjectKind.Person, Of(SubjectKind.Person, grade), purpose);
                Assert.NotEqual(CreditCheck.Restricted, answer.Outcome);
                if (grade is "B" or "C" or "D") Assert.Equal(CreditCheck.Standard, answer.Outcome);
            }
    }

    [Fact]
    public void Every_answer_cites_a_paper_and_article_in_Chinese_without_a_line_number()
    {
        foreach (var kind in new[] { SubjectKind.Enterprise, SubjectKind.Merchant, SubjectKind.Person })
            foreach (var grade in GradeList)
                foreach (var purpose in Enum.GetValues<CheckPurpose>())
                    Assert.True(PaperIndex.PeopleText(CreditCheck.Decide(kind, Of(kind, grade), purpose).Citation));
        for (var stars = 1; stars <= 6; stars++)
            foreach (var purpose in Enum.GetValues<CheckPurpose>())
                Assert.StartsWith("《张店区公职人员诚信建设工作实施方案（试行）》四、", CreditCheck.Decide(SubjectKind.Official, Of(SubjectKind.Official, null, stars), purpose).Citation);
    }

    [Fact]
    public void Slightly_and_generally_dishonest_enterprises_are_standard_with_their_inspection_measure()
    {
        var minor = CreditCheck.Decide(SubjectKind.Enterprise, Of(SubjectKind.Enterprise, "B"), CheckPurpose.InspectionPlan);
        Assert.Equal((CreditCheck.Standard, "每年至多进行一次随机检查，采取包容审慎监管方式"), (minor.Outcome, minor.Measures.Single()));
        Assert.EndsWith("第二十一条", minor.Citation);
        var general = CreditCheck.Decide(SubjectKind.Enterprise, Of(SubjectKind.Enterprise, "C"), CheckPurpose.InspectionPlan);
        Assert.Equal((CreditCheck.Standard, "每年除进行一次随机性联合检查外，不再安排其他检查"), (general.Outcome, general.Measures.Single()));
        Assert.EndsWith("第二十二条", general.Citation);
        Assert.Equal(CreditCheck.Standard, CreditCheck.Decide(SubjectKind.Enterprise, Of(SubjectKind.Enterprise, "C"), CheckPurpose.FiscalFunds).Outcome);
    }

    [Fact]
    public void An_official_of_five_stars_is_favoured_for_awards_and_one_of_two_stars_excluded()
    {
        Assert.Equal(CreditCheck.Incentive, CreditCheck.Decide(SubjectKind.Official, Of(SubjectKind.Official, null, 5), CheckPurpose.Awards).Outcome);
        Assert.Equal(CreditCheck.Restricted, CreditCheck.Decide(SubjectKind.Official, Of(SubjectKind.Official, null, 2), CheckPurpose.Awards).Outcome);
        Assert.Equal(CreditCheck.Standard, CreditCheck.Decide(SubjectKind.Official, Of(SubjectKind.Official, null, 2), CheckPurpose.FiscalFunds).Outcome);
        Assert.Equal(CreditCheck.Standard, CreditCheck.Decide(SubjectKind.Official, Of(SubjectKind.Official, null, 4), CheckPurpose.Awards).Outcome);
    }
}
