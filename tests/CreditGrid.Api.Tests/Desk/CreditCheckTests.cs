using System.Net;
using System.Text.Json;
using CreditGrid.Core.Grid;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>http-api "Department desk" / domain-rules §10: the credit check answers the measure for the purpose with its article, audited.</summary>
public class CreditCheckTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<JsonElement> Check(string kind, string id, string purpose, string key = GridHost.Reporter)
    {
        var response = await grid.Client(key).GetAsync($"/api/v1/checks/{kind}/{id}?purpose={purpose}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> SeverelyDishonestEnterprise()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "严重失信测试公司" });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = "E-SEVERE-FOOD-DRUG", occurredAt = "2026-11-02" });
        return enterprise;
    }

    [Fact]
    public async Task A_severely_dishonest_enterprise_is_restricted_from_fiscal_funds_awards_and_simplified_procedure_and_inspected_without_cap()
    {
        var enterprise = await SeverelyDishonestEnterprise();
        var fiscal = await Check("enterprise", enterprise, "fiscal-funds");
        Assert.Equal(("D", "严重失信", "fiscal-funds", "restricted"), (fiscal.GetProperty("grade").GetString(), fiscal.GetProperty("category").GetString(),
            fiscal.GetProperty("purpose").GetString(), fiscal.GetProperty("outcome").GetString()));
        Assert.Contains("财政性资金", fiscal.GetProperty("measures")[0].GetString());
        Assert.Contains("第二十三条", fiscal.GetProperty("citation").GetString());
        Assert.Equal("2026-11-28", fiscal.GetProperty("asOf").GetString());
        Assert.Equal("restricted", (await Check("enterprise", enterprise, "awards")).GetProperty("outcome").GetString());
        Assert.Equal("restricted", (await Check("enterprise", enterprise, "simplified-procedure")).GetProperty("outcome").GetString());

        var inspection = await Check("enterprise", enterprise, "inspection-plan");
        Assert.Equal("standard", inspection.GetProperty("outcome").GetString());
        Assert.Contains("抽查比例不设上限", inspection.GetProperty("measures")[0].GetString());
    }

    [Fact]
    public async Task An_honest_enterprise_is_left_undisturbed_in_inspection_plans_and_standard_for_fiscal_funds()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "诚信守法测试公司" });
        var inspection = await Check("enterprise", enterprise, "inspection-plan", GridHost.Operator);
        Assert.Equal(("诚信守法", "incentive"), (inspection.GetProperty("category").GetString(), inspection.GetProperty("outcome").GetString()));
        Assert.Contains("非请勿扰", inspection.GetProperty("measures")[0].GetString());
        Assert.Equal("《张店区市场主体公共信用评价管理办法（试行）》第二十条", inspection.GetProperty("citation").GetString());
        Assert.Equal("incentive", (await Check("enterprise", enterprise, "simplified-procedure")).GetProperty("outcome").GetString());
        Assert.Equal("standard", (await Check("enterprise", enterprise, "fiscal-funds", GridHost.CreditCenter)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_person_is_never_restricted_even_when_severely_dishonest_and_a_good_one_gets_the_green_channel()
    {
        var bad = GridHost.NewPersonId();
        await grid.Register("person", bad, new { name = "失信人" });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = bad, indicator = "P-SEVERE-REFUSE-OBLIGATION", occurredAt = "2026-11-02" });
        foreach (var purpose in new[] { "fiscal-funds", "awards", "simplified-procedure", "inspection-plan" })
        {
            var check = await Check("person", bad, purpose);
            Assert.Equal("D", check.GetProperty("grade").GetString());
            Assert.Equal("standard", check.GetProperty("outcome").GetString());
        }

        var good = GridHost.NewPersonId();
        await grid.Register("person", good, new { name = "守信人" });
        var green = await Check("person", good, "simplified-procedure");
        Assert.Equal("incentive", green.GetProperty("outcome").GetString());
        Assert.Contains("容缺受理", green.GetProperty("measures")[0].GetString());
        Assert.Contains("三、激励措施", green.GetProperty("citation").GetString());
    }

    [Fact]
    public async Task Every_check_is_audited_and_answers_the_persons_id_unmasked()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "核查对象" });
        int Entries(IEnumerable<AuditEntry> all) => all.Count(a => a.Action == "credit-check" && a.SubjectId == person && a.Purpose == "awards");
        var before = Entries(await grid.Service<IAuditTrail>().Recent(10_000));

        var check = await Check("person", person, "awards", GridHost.TaxReporter);
        Assert.Equal(person, check.GetProperty("id").GetString());
        var entries = (await grid.Service<IAuditTrail>().Recent(10_000)).Where(a => a.Action == "credit-check" && a.SubjectId == person).ToList();
        Assert.Equal(before + 1, Entries(entries));
        Assert.Equal("区税务局", entries[0].Department);
    }

    [Fact]
    public async Task An_unknown_purpose_is_422_in_Chinese_and_an_unknown_subject_is_404()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "用途测试公司" });
        await DeskCalls.AssertProblem(await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/checks/enterprise/{enterprise}?purpose=loans"), HttpStatusCode.UnprocessableEntity, "purpose");
        await DeskCalls.AssertProblem(await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/checks/enterprise/{enterprise}"), HttpStatusCode.UnprocessableEntity, "purpose");

        var unknown = await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/checks/enterprise/{GridHost.NewEnterpriseId()}?purpose=awards");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有该主体", (await unknown.Body()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/checks/merchant/{GridHost.NewEnterpriseId()}?purpose=awards")).StatusCode);
    }
}
