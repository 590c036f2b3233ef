using System.Net;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Institutions and unit honours" and domain-rules §6 (L2458-L2462), worked by hand.</summary>
public class InstitutionTests(GridHost grid) : IClassFixture<GridHost>
{
    private static int _next;

    private static string NewInstitutionId() => UnifiedSocialCreditCode.Complete($"12370303{Interlocked.Increment(ref _next) + 30000000:D8}");

    private async Task<string> Person()
    {
        var id = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", id, new { name = "工作人员", registeredAt = "2026-11-01" })).StatusCode);
        return id;
    }

    private async Task<int> Score(string personId) => (await grid.Subject("person", personId)).GetProperty("score").GetInt32();

    [Fact]
    public async Task A_provincial_collective_honour_reaches_the_staff_one_level_lower_and_revoking_it_restores_them()
    {
        var (head, deputy, staff, left, joinedLater) = (await Person(), await Person(), await Person(), await Person(), await Person());
        var unit = NewInstitutionId();
        var registered = await grid.Register("institution", unit, new
        {
            name = "张店区某某中心", institutionType = "public-institution",
            staff = new object[]
            {
                new { personId = head, role = "head", from = "2024-01-01" },
                new { personId = deputy, role = "deputy", from = "2024-01-01" },
                new { personId = staff, role = "staff", from = "2025-03-01" },
                new { personId = left, role = "staff", from = "2024-01-01", to = "2026-06-01" },
                new { personId = joinedLater, role = "staff", from = "2026-10-01" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        // 受到省委省政府表彰 (+30) as a collective honour on 2026-09-01 (L2458).
        var honour = await grid.PushApplied(new
        {
            eventId = GridHost.NewEventId(), subjectKind = "institution", subjectId = unit, indicator = "P-AWARD-PROVINCE-GOV",
            occurredAt = "2026-09-01", actionRef = "鲁政字〔2026〕1号", honourScope = "collective",
        });

        Assert.Equal(1030, await Score(head));        // the head: the row itself (L2439)
        Assert.Equal(1025, await Score(deputy));      // one level lower: 受到省级部门表彰 +25
        Assert.Equal(1025, await Score(staff));
        Assert.Equal(1000, await Score(left));        // left before the honour
        Assert.Equal(1000, await Score(joinedLater)); // joined after it (§6: from ≤ occurredAt)
        var staffRecord = Assert.Single((await grid.Subject("person", staff)).GetProperty("records").EnumerateArray());
        Assert.Equal("P-AWARD-PROVINCE-DEPT", staffRecord.GetProperty("indicator").GetString());
        Assert.False(string.IsNullOrEmpty(staffRecord.GetProperty("derivedFrom").GetString()));

        // The unit itself is not scored: its record shows the row's points and counts 0 (§1).
        var view = await grid.Subject("institution", unit);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("score").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("grade").ValueKind);
        var record = Assert.Single(view.GetProperty("records").EnumerateArray());
        Assert.Equal((30, 0), (record.GetProperty("basePoints").GetInt32(), record.GetProperty("effectivePoints").GetInt32()));
        Assert.Equal(5, view.GetProperty("staff").GetArrayLength());
        Assert.Contains(view.GetProperty("staff").EnumerateArray(), s => s.GetProperty("personId").GetString() == head); // unmasked in the single read

        var recordId = honour.GetProperty("recordIds")[0].GetString();
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{recordId}/revoke", Calls.Json(new { reason = "撤销表彰" }))).StatusCode);
        foreach (var p in new[] { head, deputy, staff })
            await Eventually(async () => await Score(p) == 1000);
    }

    [Fact]
    public async Task A_town_honour_reaches_head_and_deputy_only()
    {
        var (head, deputy, staff) = (await Person(), await Person(), await Person());
        var unit = NewInstitutionId();
        await grid.Register("institution", unit, new
        {
            name = "某街道办事处", institutionType = "party-government",
            staff = new object[] { new { personId = head, role = "head", from = "2024-01-01" }, new { personId = deputy, role = "deputy", from = "2024-01-01" }, new { personId = staff, role = "staff", from = "2024-01-01" } },
        });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "institution", subjectId = unit, indicator = "P-PRAISE-CITY-GOV", occurredAt = "2026-09-01", honourScope = "town" });
        Assert.Equal((1015, 1015, 1000), (await Score(head), await Score(deputy), await Score(staff))); // L2460, 市委市政府通报表扬 +15
    }

    [Theory]
    [InlineData("institution", "P-AWARD-PROVINCE-GOV", null, "honourScope")]          // an honour names its scope
    [InlineData("institution", "P-DONATION", "collective", "indicator")]               // not a unit honour row
    [InlineData("institution", "E-PEN-FINE-10K-100K", null, "indicator")]             // no ordinary penalties
    [InlineData("enterprise", "E-AWARD-DISTRICT", "collective", "honourScope")]       // honourScope elsewhere is 422
    public async Task Bad_honours_are_422_naming_the_field(string kind, string indicator, string? scope, string field)
    {
        var id = kind == "institution" ? NewInstitutionId() : GridHost.NewEnterpriseId();
        if (kind == "institution") await grid.Register("institution", id, new { name = "某单位" });
        var response = await grid.Push(new { eventId = GridHost.NewEventId(), subjectKind = kind, subjectId = id, indicator, occurredAt = "2026-09-01", honourScope = scope });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Body()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_institution_code_with_authority_9_is_a_market_subject_and_refused()
    {
        var response = await grid.Register("institution", GridHost.NewEnterpriseId(), new { name = "某公司" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Body()).GetProperty("errors").TryGetProperty("id", out _));
    }

    [Theory]
    [InlineData("simplifiedProcedure")]
    [InlineData("minorCorrected")]
    public async Task Penalties_that_are_not_credit_information_are_422_citing_article_14(string field)
    {
        var body = new Dictionary<string, object?>
        {
            ["eventId"] = GridHost.NewEventId(), ["subjectKind"] = "enterprise", ["subjectId"] = GridHost.NewEnterpriseId(),
            ["indicator"] = "E-PEN-FINE-UP-TO-10K", ["occurredAt"] = "2026-10-02", [field] = true,
        };
        var response = await grid.Push(body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Body();
        Assert.Contains("第十四条", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/events/{body["eventId"]}")).StatusCode);
    }

    [Fact]
    public async Task The_institution_catalogue_lists_the_unit_honour_rows_and_the_severe_rows()
    {
        var catalogue = await (await grid.Client().GetAsync("/api/v1/catalog/institution")).Body();
        var codes = catalogue.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
        Assert.Equal(15, codes.Count(c => c.StartsWith("P-AWARD-") || c.StartsWith("P-PRAISE-")));
        Assert.Equal(27, codes.Count(c => c.StartsWith("E-")));
        Assert.DoesNotContain("P-DONATION", codes);
    }

    private static async Task Eventually(Func<Task<bool>> done)
    {
        for (var i = 0; i < 100 && !await done(); i++) await Task.Delay(50);
        Assert.True(await done());
    }
}
