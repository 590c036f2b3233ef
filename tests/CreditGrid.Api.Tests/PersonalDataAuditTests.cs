using System.Net;
using System.Text.Json;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11 item 8: every answer that carries an unmasked personal ID writes an audit entry; the PUT answers with the
/// registration only, masked, never the evaluation (http-api "Subjects").
/// </summary>
public class PersonalDataAuditTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<JsonElement[]> Audit() =>
        [.. (await (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/audit?limit=5000")).Body()).EnumerateArray()];

    private async Task<int> Entries(string action, string personId) =>
        (await Audit()).Count(a => a.GetProperty("action").GetString() == action && a.GetProperty("subjectId").GetString() == ResidentId.Mask(personId));

    [Fact]
    public async Task A_no_op_PUT_of_a_person_answers_the_masked_registration_without_the_evaluation_and_is_audited()
    {
        var id = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", id, new { name = "赵六", registeredAt = "2021-05-01" })).StatusCode);
        var before = await Entries("register-subject", id);

        var response = await grid.Register("person", id, new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(id, text);
        var body = await response.Body();
        Assert.Equal(ResidentId.Mask(id), body.GetProperty("id").GetString());
        Assert.Equal("赵六", body.GetProperty("name").GetString());
        Assert.Equal("2021-05-01", body.GetProperty("registeredAt").GetString());
        foreach (var evaluation in new[] { "score", "grade", "category", "records", "consequences" })
            Assert.False(body.TryGetProperty(evaluation, out _), $"the PUT answer carries '{evaluation}'");
        Assert.Equal(before + 1, await Entries("register-subject", id));
    }

    [Fact]
    public async Task An_enterprise_PUT_masks_its_legal_representatives_and_the_GET_audits_each_of_them()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "钱七" });
        var enterprise = GridHost.NewEnterpriseId();
        var put = await grid.Register("enterprise", enterprise, new { name = "某某公司", legalRepresentatives = new[] { person } });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.DoesNotContain(person, await put.Content.ReadAsStringAsync());
        Assert.Equal(ResidentId.Mask(person), (await put.Body()).GetProperty("legalRepresentatives")[0].GetString());

        Assert.Equal(0, await Entries("read-legal-representative", person));
        var read = await grid.Subject("enterprise", enterprise);
        Assert.Equal(person, read.GetProperty("legalRepresentatives")[0].GetString()); // the authorised single read shows it …
        Assert.Equal(1, await Entries("read-legal-representative", person)); // … and says so in the person's audit trail
    }

    [Fact]
    public async Task Reading_a_person_is_audited_and_reading_an_enterprise_without_people_is_not()
    {
        var id = GridHost.NewPersonId();
        await grid.Register("person", id, new { name = "孙八" });
        var before = await Entries("read-subject", id);
        Assert.Equal(id, (await grid.Subject("person", id)).GetProperty("id").GetString());
        Assert.Equal(before + 1, await Entries("read-subject", id));

        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "无代表人公司" });
        var count = (await Audit()).Length;
        await grid.Subject("enterprise", enterprise);
        Assert.Equal(count, (await Audit()).Length);
    }

    [Fact]
    public async Task The_audit_list_masks_the_people_it_names()
    {
        var id = GridHost.NewPersonId();
        await grid.Register("person", id, new { name = "周九" });
        await grid.Subject("person", id);
        var text = await (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/audit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(id, text);
        Assert.Contains(ResidentId.Mask(id), text);
    }
}
