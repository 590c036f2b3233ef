using CreditGrid.Core.Identifiers;
using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Subjects" and "Record workflows", and fan-out between subjects (domain-rules §6).</summary>
public class SubjectAndWorkflowTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task Registering_twice_is_201_then_200_and_a_bad_code_stores_nothing()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name = "甲" })).StatusCode);
        var updated = await grid.Register("enterprise", id, new { name = "乙" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("乙", (await updated.Body()).GetProperty("name").GetString());

        var bad = id[..17] + (id[17] == '0' ? '1' : '0');
        var response = await grid.Register("enterprise", bad, new { name = "丙" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("校验位", (await response.Body()).GetProperty("errors").GetProperty("id")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{bad}")).StatusCode);
    }

    [Fact]
    public async Task A_minor_cannot_be_registered_as_a_person()
    {
        var minor = CreditGrid.Core.Identifiers.ResidentId.Complete("37030320100101123");
        var response = await grid.Register("person", minor, new { name = "小明" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("未满18周岁", (await response.Body()).GetProperty("errors").GetProperty("id")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/person/{minor}")).StatusCode);
    }

    [Fact]
    public async Task A_persons_score_counts_from_registration_and_their_id_is_read_with_an_audit_entry()
    {
        var id = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", id, new { name = "张三", registeredAt = "2021-05-01" })).StatusCode);
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = id, indicator = "P-VOLUNTEER", occurredAt = "2026-06-01", amount = 120 });

        var client = grid.Client(GridHost.Operator);
        client.DefaultRequestHeaders.Add("X-Purpose", Uri.EscapeDataString("信用核查")); // headers are ASCII: percent-encoded UTF-8
        var person = await (await client.GetAsync($"/api/v1/subjects/person/{id}")).Body();
        Assert.Equal(id, person.GetProperty("id").GetString());
        // Bonus L2453: 2022-2025 were clean full years → +12; 120 volunteer hours → +20.
        Assert.Equal(1000 + 20 + 12, person.GetProperty("score").GetInt32());
        Assert.Equal("诚信优秀", person.GetProperty("category").GetString());

        var audit = await (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/audit")).Body();
        // The audit list is a list: the person's ID is masked there (issue 11 item 8).
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("subjectId").GetString() == ResidentId.Mask(id) && a.GetProperty("purpose").GetString() == "信用核查"
            && a.GetProperty("role").GetString() == "operator");
    }

    [Fact]
    public async Task Event_status_masks_a_persons_id()
    {
        var id = GridHost.NewPersonId();
        await grid.Register("person", id, new { name = "李四" });
        var applied = await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = id, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-01" });
        var masked = applied.GetProperty("subjectId").GetString()!;
        Assert.Equal(id[..6] + "********" + id[^4..], masked);
    }

    [Fact]
    public async Task Asking_as_of_an_earlier_date_evaluates_that_date()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.PushApplied(Calls.Fine(id, occurredAt: "2026-10-02"));
        Assert.Equal(1000, (await grid.Subject("enterprise", id, "2026-10-01")).GetProperty("score").GetInt32());
        Assert.Equal("pending", (await grid.Subject("enterprise", id, "2026-10-01")).GetProperty("records")[0].GetProperty("status").GetString());
        Assert.Equal(1000, (await grid.Subject("enterprise", id, "2027-10-02")).GetProperty("score").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{id}?asOf=tomorrow")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_commendation_is_recorded_on_its_legal_representative_and_revoking_it_revokes_both()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "王五", registeredAt = "2026-01-05" });
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "某公司", legalRepresentatives = new[] { person } });

        var applied = await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = "E-AWARD-CITY", occurredAt = "2026-09-01" });
        var sourceRecord = applied.GetProperty("recordIds")[0].GetString();
        Assert.Equal(1030, (await grid.Subject("enterprise", enterprise)).GetProperty("score").GetInt32());
        var p = await grid.Subject("person", person);
        Assert.Equal(1020, p.GetProperty("score").GetInt32()); // P-AWARD-CITY-GOV +20
        var derived = p.GetProperty("records")[0];
        Assert.Equal("P-AWARD-CITY-GOV", derived.GetProperty("indicator").GetString());
        Assert.Equal(sourceRecord, derived.GetProperty("derivedFrom").GetString());

        var revoke = await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{sourceRecord}/revoke", Calls.Json(new { reason = "行政复议撤销", decisionRef = "张复〔2026〕3号" }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(1000, (await grid.Subject("enterprise", enterprise)).GetProperty("score").GetInt32());
        await Eventually(async () => (await grid.Subject("person", person)).GetProperty("score").GetInt32() == 1000);
        Assert.Equal("revoked", (await grid.Subject("person", person)).GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_legal_representative_listed_as_judgment_debtor_costs_the_enterprise_20()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "赵六" });
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "某公司", legalRepresentatives = new[] { person } });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = person, indicator = "P-SEVERE-REFUSE-OBLIGATION", occurredAt = "2026-11-02" });
        var p = await grid.Subject("person", person);
        Assert.Equal("D", p.GetProperty("grade").GetString());
        var e = await grid.Subject("enterprise", enterprise);
        Assert.Equal(980, e.GetProperty("score").GetInt32());
        Assert.Equal("E-EXEC-JUDGMENT-DEBTOR", e.GetProperty("records")[0].GetProperty("indicator").GetString());
    }

    [Fact]
    public async Task Repairing_a_refusal_of_a_legal_obligation_replaces_it_by_the_minus_80_row_L2488()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "孙七", registeredAt = "2026-01-05" });
        var applied = await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = person, indicator = "P-SEVERE-REFUSE-OBLIGATION", occurredAt = "2026-06-02" });
        var record = applied.GetProperty("recordIds")[0].GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/records/{record}/repair", Calls.Json(new { repairedAt = "2026-11-20" }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/repair", Calls.Json(new { repairedAt = "2026-12-20" }))).StatusCode);
        var repair = await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/repair", Calls.Json(new { repairedAt = "2026-11-20", reason = "已主动履行" }));
        Assert.Equal(HttpStatusCode.OK, repair.StatusCode);
        Assert.Equal(2, (await repair.Body()).GetProperty("affectedRecordIds").GetArrayLength());

        var p = await grid.Subject("person", person);
        Assert.Equal(920, p.GetProperty("score").GetInt32());
        Assert.Equal("B", p.GetProperty("grade").GetString());
        var records = p.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal("repaired", records[0].GetProperty("status").GetString());
        Assert.Equal("P-REPAIRED-REFUSE-OBLIGATION", records[1].GetProperty("indicator").GetString());
        Assert.Equal("2028-11-20", records[1].GetProperty("expiresAt").GetString());
    }

    [Fact]
    public async Task Only_the_credit_centre_or_the_reporting_department_may_revoke()
    {
        var id = GridHost.NewEnterpriseId();
        var applied = await grid.PushApplied(Calls.Fine(id));
        var record = applied.GetProperty("recordIds")[0].GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.Client(GridHost.TaxReporter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "撤销" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).PostAsync("/api/v1/records/Rnope/revoke", Calls.Json(new { reason = "x" }))).StatusCode);
    }

    [Fact]
    public async Task An_objection_keeps_the_record_counting_until_upheld_which_revokes_it_L815()
    {
        var id = GridHost.NewEnterpriseId();
        var applied = await grid.PushApplied(Calls.Fine(id));
        var record = applied.GetProperty("recordIds")[0].GetString();
        var objectionId = "obj-" + Guid.NewGuid().ToString("N")[..8];

        var open = await grid.Client(GridHost.Operator).PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId, reason = "处罚对象错误", needsOtherUnits = false }));
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        var body = await open.Body();
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal("2026-12-02", body.GetProperty("dueAt").GetString()); // Sat 28 Nov + 3 working days → Mon 30, Tue 1, Wed 2 Dec

        var subject = await grid.Subject("enterprise", id);
        Assert.Equal(960, subject.GetProperty("score").GetInt32());
        Assert.Equal("objected", subject.GetProperty("records")[0].GetProperty("status").GetString());
        var list = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/objections?status=open")).Body();
        Assert.Contains(list.EnumerateArray(), o => o.GetProperty("objectionId").GetString() == objectionId);

        Assert.Equal(HttpStatusCode.Forbidden, (await grid.Client(GridHost.Operator).PostAsync($"/api/v1/objections/{objectionId}/resolve", Calls.Json(new { upheld = true }))).StatusCode);
        var resolve = await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/objections/{objectionId}/resolve", Calls.Json(new { upheld = true, note = "核查属实" }));
        Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        var after = await grid.Subject("enterprise", id);
        Assert.Equal(1000, after.GetProperty("score").GetInt32());
        Assert.Equal("revoked", after.GetProperty("records")[0].GetProperty("status").GetString());
        Assert.Contains("异议成立", after.GetProperty("records")[0].GetProperty("explanation").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/objections/{objectionId}/resolve", Calls.Json(new { upheld = false }))).StatusCode);
        var closed = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/objections?status=closed")).Body();
        Assert.Contains(closed.EnumerateArray(), o => o.GetProperty("objectionId").GetString() == objectionId && o.GetProperty("upheld").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await grid.Client(GridHost.Operator).GetAsync("/api/v1/objections?status=whatever")).StatusCode);
    }

    [Fact]
    public async Task Registering_a_merchant_registers_its_enterprise_and_shows_a_colour()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "水晶街某店", street = "水晶街" })).StatusCode);
        var enterprise = await grid.Subject("enterprise", id);
        Assert.Equal("水晶街某店", enterprise.GetProperty("name").GetString());
        var merchant = await grid.Subject("merchant", id);
        Assert.Equal("blue", merchant.GetProperty("color").GetString()); // grade A, nothing open
        Assert.Equal("水晶街", merchant.GetProperty("street").GetString());
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });
        Assert.Equal("red", (await grid.Subject("merchant", id)).GetProperty("color").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await grid.Register("merchant", GridHost.NewEnterpriseId(), new { name = "无街道" })).StatusCode);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return;
            await Task.Delay(50);
        }
        Assert.True(await condition(), "condition never became true");
    }
}
