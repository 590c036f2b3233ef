using System.Text.RegularExpressions;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Merchants;
using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>
/// domain-rules §9 and issue 13: what people read — explanations, citations, consequences, next changes, colour reasons —
/// carries no seed line number and no English word. The seed's own "APP" (爱张店APP, L2482, quoted in a consequence) is
/// the one ASCII word allowed.
/// </summary>
public partial class PeopleTextTests
{
    [GeneratedRegex(@"L\d+|[A-Za-z]{2,}")]
    private static partial Regex Forbidden();

    internal static void AssertPeopleText(string? text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{what} is empty");
        var found = Forbidden().Matches(text!).Select(m => m.Value).Where(w => w != "APP").ToList();
        Assert.True(found.Count == 0, $"{what} shows '{string.Join("', '", found)}': {text}");
    }

    /// <summary>Every row of every table in every standing the engine gives a record.</summary>
    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        foreach (var e in IndicatorCatalog.Default.All.Where(e => e.Reportable)) data.Add(e.Code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_in_every_standing_reads_without_line_numbers_or_English(string code)
    {
        var entry = IndicatorCatalog.Default.Get(code);
        var kind = Enum.Parse<SubjectKind>(entry.Kind, ignoreCase: true);
        var subject = new SubjectProfile(kind, "x", new DateOnly(2020, 1, 1));
        var day = new DateOnly(2026, 3, 2);
        CreditRecord Row(DateOnly on, string? actionRef = null) => Make(code, on, actionRef: actionRef,
            points: entry.IsRange ? entry.MinPoints ?? entry.MaxPoints : null,
            amount: entry.AmountRule is null ? null : 500_000m, amountKind: entry.AmountRule?.Unit == "yuan" ? AmountKind.Cash : null);
        var records = new[]
        {
            Row(day, "同一决定"), Row(day, "同一决定"),                                          // active + superseded
            Row(day.AddMonths(1)), Row(day.AddMonths(2)),                                       // repeats, amounts, caps
            Row(new DateOnly(2019, 5, 1)),                                                      // expired
            Row(new DateOnly(2019, 5, 1)) with { ReportedAt = new DateOnly(2026, 1, 1) },       // reported after validity
            Row(day) with { State = RecordState.Revoked, StateChangedAt = day.AddDays(3), StateReason = "行政复议撤销" },
            Row(day) with { State = RecordState.Repaired, StateChangedAt = day.AddDays(5), StateReason = "已履行" },
            Row(day) with { ObjectionOpenedAt = day.AddDays(1) },                               // objected
            Row(Today.AddDays(30)),                                                             // pending
            Row(day) with { ValidityYears = kind == SubjectKind.Official ? 2 : null },
            Row(day) with { PenaltyKind = Warnings.NoticeRows.Contains(code) ? Warnings.Warning : null },
        };
        var evaluation = RulesEngine.Default.Evaluate(subject, records, Today);
        foreach (var r in evaluation.Records)
        {
            AssertPeopleText(r.Explanation, $"{code} {r.Status} explanation");
            AssertPeopleText(r.Citation, $"{code} {r.Status} citation");
        }
        foreach (var c in evaluation.Consequences) AssertPeopleText(c, $"{code} consequence");
        foreach (var n in NextChanges.For(RulesEngine.Default, subject, records, evaluation)) AssertPeopleText(n.What, $"{code} next change");
        if (IndicatorCatalog.FitsInstitution(entry))
        {
            var institution = RulesEngine.Default.Evaluate(subject with { Kind = SubjectKind.Institution }, records, Today);
            foreach (var r in institution.Records) AssertPeopleText(r.Explanation, $"{code} institution explanation");
        }
    }

    [Fact]
    public void Every_consequence_text_reads_without_line_numbers_or_English()
    {
        foreach (var (kind, key) in new[] { "诚信守法", "轻微失信", "一般失信", "严重失信" }.Select(k => (SubjectKind.Enterprise, k))
                     .Concat(Enumerable.Range(1, 6).Select(s => (SubjectKind.Official, Grades.StarKey(s))))
                     .Concat(new[] { "诚信模范", "诚信优秀", "诚信", "诚信警示", "失信", "严重失信" }.Select(k => (SubjectKind.Person, k))))
            foreach (var text in Consequences.Default.For(kind, key)) AssertPeopleText(text, $"{kind} {key} consequence");
    }

    [Fact]
    public void Every_colour_reason_and_colour_change_reads_without_line_numbers_or_English()
    {
        var findings = new[]
        {
            new InspectionFinding("f-1", "消防安全", Today.AddDays(-3), null, Today.AddDays(-20)),
            new InspectionFinding("f-2", "食品安全", Today.AddDays(9), null, Today.AddDays(-2)),
        };
        var complaints = new[]
        {
            new ComplaintStanding("c-1", Today.AddDays(-40), true, null),
            new ComplaintStanding("c-2", Today.AddDays(-200), true, Today.AddDays(-150)),
        };
        foreach (var grade in new[] { "AAA", "AA", "A+", "A", "A-", "B", "C", "D" })
            foreach (var expelled in new DateOnly?[] { null, Today.AddDays(-1) })
                for (var n = 0; n <= findings.Length; n++)
                {
                    var (_, reasons) = MerchantColors.Explain(grade, findings[..n], complaints, expelled, Today);
                    foreach (var r in reasons) AssertPeopleText(r.Text, $"{grade} {r.Reason}");
                }
        var now = RulesEngine.Default.Evaluate(Enterprise, [Make("E-AWARD-DISTRICT", Today.AddDays(-10))], Today);
        var own = NextChanges.For(RulesEngine.Default, Enterprise, [Make("E-AWARD-DISTRICT", Today.AddDays(-10))], now);
        var changes = MerchantNextChanges.For(now, own, findings[1..], complaints, null, Today);
        Assert.NotEmpty(changes);
        foreach (var c in changes) AssertPeopleText(c.What, "merchant next change");
    }
}
