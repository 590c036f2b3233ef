using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>http-api "Department desk": commitments, breached by a commitmentRef on an E-PLEDGE-* event, active again on revocation.</summary>
public class CommitmentTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<JsonElement> Only(string subjectId)
    {
        var list = await grid.List($"/api/v1/commitments?subjectId={subjectId}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        return list.GetProperty("items")[0];
    }

    private static object Pledge(string subjectId, string? commitmentRef, string subjectKind = "enterprise", string indicator = "E-PLEDGE-NOT-FULFILLED") =>
        new { eventId = GridHost.NewEventId(), subjectKind, subjectId, indicator, occurredAt = "2026-11-26", actionRef = "张市监〔2026〕承诺" + Guid.NewGuid().ToString("N")[..6], commitmentRef };

    [Fact]
    public async Task A_pledge_event_naming_the_commitment_marks_it_breached_and_revoking_the_record_makes_it_active_again()
    {
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "承诺测试公司" });
        var created = await grid.Post("/api/v1/commitments", DeskCalls.Commitment(enterprise, kind: "告知承诺"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var commitment = await created.Body();
        Assert.Equal("active", commitment.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, commitment.GetProperty("breachedBy").ValueKind);
        var id = commitment.GetProperty("commitmentId").GetString();

        var applied = await grid.PushApplied(Pledge(enterprise, id));
        var record = applied.GetProperty("recordIds")[0].GetString();
        var breached = await Only(enterprise);
        Assert.Equal("breached", breached.GetProperty("status").GetString());
        Assert.Equal(record, breached.GetProperty("breachedBy").GetString());

        var revoke = await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "承诺已履行，误报", decisionRef = "张信〔2026〕1号" }));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var again = await Only(enterprise);
        Assert.Equal("active", again.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("breachedBy").ValueKind);
    }

    [Fact]
    public async Task An_upheld_objection_to_the_breach_record_makes_the_commitment_active_again()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var id = (await (await grid.Post("/api/v1/commitments", DeskCalls.Commitment(enterprise))).Body()).GetProperty("commitmentId").GetString();
        var record = (await grid.PushApplied(Pledge(enterprise, id))).GetProperty("recordIds")[0].GetString();
        Assert.Equal("breached", (await Only(enterprise)).GetProperty("status").GetString());

        var center = grid.Client(GridHost.CreditCenter);
        var objection = "ob-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await center.PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = objection, reason = "已按承诺履行" }))).StatusCode);
        Assert.Equal("breached", (await Only(enterprise)).GetProperty("status").GetString()); // an open objection keeps the record (L815)
        Assert.Equal(HttpStatusCode.OK, (await center.PostAsync($"/api/v1/objections/{objection}/resolve", Calls.Json(new { upheld = true, note = "异议成立" }))).StatusCode);
        Assert.Equal("active", (await Only(enterprise)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_merchants_commitment_shows_on_its_page_and_a_breach_on_its_enterprise_shows_there_too()
    {
        var merchant = GridHost.NewEnterpriseId();
        await grid.Register("merchant", merchant, new { name = "承诺示范面馆", street = "水晶街" });
        var created = await grid.Post("/api/v1/commitments", DeskCalls.Commitment(merchant, subjectKind: "merchant"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var page = await (await grid.Client().GetAsync($"/m/{merchant}")).Content.ReadAsStringAsync();
        Assert.Contains("守法诚信经营，不销售假冒伪劣商品。", page);
        Assert.Contains("履约中", page);

        // The breach is reported on the enterprise of the same code (a merchant's records live there, §1).
        await grid.PushApplied(Pledge(merchant, (await created.Body()).GetProperty("commitmentId").GetString()));
        Assert.Equal("breached", (await Only(merchant)).GetProperty("status").GetString());
        Assert.Contains("已违诺", await (await grid.Client().GetAsync($"/m/{merchant}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_commitmentRef_of_another_subject_or_of_no_commitment_is_422_and_no_event_is_stored()
    {
        var owner = GridHost.NewEnterpriseId();
        var other = GridHost.NewEnterpriseId();
        var id = (await (await grid.Post("/api/v1/commitments", DeskCalls.Commitment(owner))).Body()).GetProperty("commitmentId").GetString();
        foreach (var body in new[] { Pledge(other, id), Pledge(other, "cm-none") })
        {
            var response = await grid.Push(body);
            await DeskCalls.AssertProblem(response, HttpStatusCode.UnprocessableEntity, "commitmentRef");
            var eventId = JsonSerializer.SerializeToElement(body).GetProperty("eventId").GetString();
            Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{eventId}")).StatusCode);
        }
        // The batch refuses that element alone, with the same problem.
        var batch = await (await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events = new[] { Pledge(other, id) } }))).Body();
        Assert.Equal(422, batch.GetProperty("results")[0].GetProperty("statusCode").GetInt32());
        Assert.Equal("active", (await Only(owner)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_commitmentRef_on_a_row_that_is_not_a_pledge_row_is_422()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var id = (await (await grid.Post("/api/v1/commitments", DeskCalls.Commitment(enterprise))).Body()).GetProperty("commitmentId").GetString();
        await DeskCalls.AssertProblem(await grid.Push(Pledge(enterprise, id, indicator: "E-PEN-FINE-10K-100K")), HttpStatusCode.UnprocessableEntity, "commitmentRef");
    }

    [Fact]
    public async Task A_commitment_repeat_is_200_with_the_same_body_and_409_with_another_and_bad_ones_store_nothing()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var body = DeskCalls.Commitment(enterprise, commitmentId: "cm-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/commitments", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Post("/api/v1/commitments", body)).StatusCode);
        var id = JsonSerializer.SerializeToElement(body).GetProperty("commitmentId").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await grid.Post("/api/v1/commitments", DeskCalls.Commitment(enterprise, commitmentId: id, kind: "其他"))).StatusCode);

        var fresh = GridHost.NewEnterpriseId();
        await DeskCalls.AssertProblem(await grid.Post("/api/v1/commitments", DeskCalls.Commitment(fresh, kind: "保证书")), HttpStatusCode.UnprocessableEntity, "kind");
        await DeskCalls.AssertProblem(await grid.Post("/api/v1/commitments", DeskCalls.Commitment(fresh, signedAt: "2026-12-01")), HttpStatusCode.UnprocessableEntity, "signedAt");
        await DeskCalls.AssertProblem(await grid.Post("/api/v1/commitments", DeskCalls.Commitment(fresh, subjectKind: "institution")), HttpStatusCode.UnprocessableEntity, "subjectKind");
        await DeskCalls.AssertProblem(await grid.Post("/api/v1/commitments", DeskCalls.Commitment(GridHost.NewPersonId(), subjectKind: "person")), HttpStatusCode.UnprocessableEntity, "subjectId");
        Assert.Equal(0, (await grid.List($"/api/v1/commitments?subjectId={fresh}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_persons_commitment_is_listed_with_the_id_masked()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "承诺人" });
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/commitments", DeskCalls.Commitment(person, subjectKind: "person", kind: "信用修复"))).StatusCode);
        var text = await (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/commitments?subjectId={person}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(person, text);
        Assert.Contains(CreditGrid.Core.Identifiers.ResidentId.Mask(person), text);
    }
}

/// <summary>A breach accepted with 202 marks the commitment once applied, across a restart of the host (the intake log is durable).</summary>
public class CommitmentRestartTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task A_pledge_event_accepted_before_a_restart_marks_the_commitment_breached_after_it()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var id = (await (await grid.Post("/api/v1/commitments", DeskCalls.Commitment(enterprise))).Body()).GetProperty("commitmentId").GetString();
        var eventId = GridHost.NewEventId();
        var accepted = await grid.Push(new { eventId, subjectKind = "enterprise", subjectId = enterprise, indicator = "E-PLEDGE-FALSE-DECLARATION", occurredAt = "2026-11-27", commitmentRef = id });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await grid.Restart();

        var record = (await grid.WaitFor(eventId, "applied")).GetProperty("recordIds")[0].GetString();
        var item = (await grid.List($"/api/v1/commitments?subjectId={enterprise}")).GetProperty("items")[0];
        Assert.Equal(("breached", record), (item.GetProperty("status").GetString(), item.GetProperty("breachedBy").GetString()));
    }
}
