using CreditGrid.Core.Catalog;
using CreditGrid.Core.Citations;
using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>domain-rules §9 "Citations for people": every record cites its paper and annex row, and the article of the rule that moved it.</summary>
public class CitationTests
{
    private const string Enterprise87 = "《张店区市场主体公共信用评价管理办法（试行）》";
    private const string Official88 = "《张店区公职人员诚信建设工作实施方案（试行）》";
    private const string Person89 = "《张店区个人诚信积分（爱张店·诚信分）管理实施方案（试行）》";

    private static readonly DateOnly Day = new(2026, 10, 2);

    [Fact]
    public void An_enterprise_fine_cites_the_annex_row_of_the_enterprise_paper()
    {
        var r = Eval(Records.Enterprise, Today, Make("E-PEN-FINE-10K-100K", Day)).Only();
        Assert.Equal(Enterprise87 + "附件 指标体系 · 行政处罚信息", r.Citation);
    }

    [Fact]
    public void A_person_row_cites_the_person_paper_and_an_official_row_the_official_paper()
    {
        var person = EvalPerson(Today, Make("P-PEN-CIRCULATED-CRITICISM", Day)).Only();
        Assert.Equal(Person89 + "附件 积分指标 · 行政处罚信息", person.Citation);
        var official = Eval(Official, Today, Make("O-DISCIPLINE-WARNING", Day)).Only();
        Assert.Equal(Official88 + "附件 评价标准 · 党纪处分", official.Citation);
    }

    [Fact]
    public void The_criminal_penalty_row_outside_the_annex_cites_its_article()
    {
        var r = Eval(Records.Enterprise, Today, Make("E-CRIMINAL-PENALTY", Day)).Only();
        Assert.Equal(Enterprise87 + "第十四条", r.Citation); // L789
    }

    [Fact]
    public void An_expired_enterprise_record_cites_the_person_papers_validity_it_borrows()
    {
        var r = Eval(Records.Enterprise, new DateOnly(2028, 1, 1), Make("E-PEN-FINE-10K-100K", Day)).Only();
        Assert.Equal(RecordStatus.Expired, r.Status);
        Assert.Equal(Enterprise87 + "附件 指标体系 · 行政处罚信息；" + Person89 + "二、（四）", r.Citation); // L2467
        Assert.Equal("“处以1万元至10万元（含）罚款行政处罚的”-40分；减分40分及以下，有效期1年（" + Person89 + "二、（四）），企业参照个人有效期，已于2027-10-02到期", r.Explanation);
    }

    [Fact]
    public void A_revoked_person_record_cites_the_person_papers_update_article_and_an_enterprise_one_article_29()
    {
        var person = EvalPerson(Today, Make("P-PEN-CIRCULATED-CRITICISM", Day) with { State = RecordState.Revoked, StateChangedAt = Today }).Only();
        Assert.Equal(Person89 + "附件 积分指标 · 行政处罚信息；四、（四）", person.Citation); // L2489
        var enterprise = Eval(Records.Enterprise, Today, Make("E-PEN-FINE-10K-100K", Day) with { State = RecordState.Revoked, StateChangedAt = Today }).Only();
        Assert.EndsWith("；第二十九条", enterprise.Citation); // L817
        Assert.Contains("不作为信用信息（" + Enterprise87 + "第二十九条）", enterprise.Explanation);
    }

    [Fact]
    public void A_capped_donation_cites_the_rows_note_and_a_warning_the_law()
    {
        // Cash and goods band apart (40 each at most), the year's cap is 40 (L848): the goods are capped to 0.
        var cash = Make("E-DONATION-COMPANY", new DateOnly(2026, 3, 1), amount: 500_000m, amountKind: AmountKind.Cash);
        var goods = Make("E-DONATION-COMPANY", new DateOnly(2026, 4, 1), amount: 900_000m, amountKind: AmountKind.Goods);
        var capped = Eval(Records.Enterprise, Today, cash, goods).Records[1];
        Assert.NotNull(capped.CapYear);
        Assert.Equal(Enterprise87 + "附件 指标体系 · 企业捐款捐物信息；附件 指标体系 · 企业捐款捐物信息备注", capped.Citation);
        Assert.EndsWith("年度最多加40分，本条计0分（" + Enterprise87 + "附件 指标体系 · 企业捐款捐物信息备注）", capped.Explanation); // after the person paper's validity

        var warning = Eval(Records.Enterprise, Today, Make("E-PEN-NOTICE", Day) with { PenaltyKind = Warnings.Warning }).Only();
        Assert.EndsWith("；《中华人民共和国行政处罚法》第九条", warning.Citation);
    }

    [Fact]
    public void Every_catalogue_row_and_rule_line_resolves_to_a_paper_at_start()
    {
        // RulesEngine.Default runs the check; doing it again here names the failure if the data breaks.
        PaperIndex.Default.Check(IndicatorCatalog.Default, RuleLines.All);
        Assert.Equal("《张店区突发事件总体应急预案》4.4.4 信息发布与舆论引导（1）", PaperIndex.Default.At(RuleLines.ReleaseDeadlines));
        Assert.Equal(Enterprise87 + "第十八条", PaperIndex.Default.At(800));
        Assert.Equal(Official88 + "三、（五）", PaperIndex.Default.At(1495));
    }

    [Theory]
    [InlineData("""{ "papers": [ { "key": "a", "docNo": "甲", "title": "甲", "firstLine": 10, "lastLine": 20, "provisions": [ { "line": 10, "cite": "第一条" } ] }, { "key": "b", "docNo": "乙", "title": "乙", "firstLine": 20, "lastLine": 30, "provisions": [ { "line": 21, "cite": "第一条" } ] } ] }""", "overlaps")]
    [InlineData("""{ "papers": [ { "key": "a", "docNo": "甲", "title": "甲", "firstLine": 10, "lastLine": 20, "provisions": [ { "line": 12, "cite": "Article 1" } ] } ] }""", "not a Chinese label")]
    [InlineData("""{ "papers": [ { "key": "a", "docNo": "甲", "title": "甲", "firstLine": 10, "lastLine": 20, "provisions": [ { "line": 12, "cite": "第一条" }, { "line": 11, "cite": "第二条" } ] } ] }""", "not after")]
    [InlineData("""{ "papers": [ { "key": "a", "docNo": "甲", "title": "甲", "firstLine": 10, "lastLine": 20, "annex": { "name": "表", "title": "表", "firstLine": 15, "lastLine": 20 }, "provisions": [ { "line": 16, "cite": "第一条" } ] } ] }""", "outside the paper's text")]
    public void A_bad_papers_file_is_refused_naming_the_problem(string json, string why)
    {
        var ex = Assert.Throws<CitationException>(() => PaperIndex.Load(json));
        Assert.Contains(why, ex.Message);
    }

    [Fact]
    public void A_catalogue_row_outside_every_paper_is_refused_at_the_check()
    {
        var index = PaperIndex.Load("""{ "papers": [ { "key": "a", "docNo": "甲", "title": "甲", "firstLine": 1, "lastLine": 100, "provisions": [ { "line": 1, "cite": "第一条" } ] } ] }""");
        var ex = Assert.Throws<CitationException>(() => index.Check(IndicatorCatalog.Default, []));
        Assert.Contains("seed line", ex.Message);
    }
}
