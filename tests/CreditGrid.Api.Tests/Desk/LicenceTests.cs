using System.Net;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>http-api "Department desk": licences — idempotent writes, sane dates, a merchant's on its enterprise, 双公示 timeliness.</summary>
public class LicenceTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<int> Stored(string subjectId) =>
        (await grid.List($"/api/v1/licences?subjectId={subjectId}")).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_licence_is_created_once_and_a_repeat_is_200_with_the_same_body_and_409_with_another()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var body = DeskCalls.Licence(enterprise, licenceId: "lic-" + Guid.NewGuid().ToString("N"));
        var created = await grid.Post("/api/v1/licences", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var licence = await created.Body();
        Assert.Equal(GridHost.ReporterDepartment, licence.GetProperty("department").GetString());
        Assert.Equal("2031-11-24", licence.GetProperty("validTo").GetString());
        Assert.False(licence.GetProperty("late").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await grid.Post("/api/v1/licences", body)).StatusCode);
        var id = licence.GetProperty("licenceId").GetString()!;
        var other = await grid.Post("/api/v1/licences", DeskCalls.Licence(enterprise, licenceId: id, number: "JY999"));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("已用于", (await other.Body()).GetProperty("detail").GetString());
        Assert.Equal(1, await Stored(enterprise));
    }

    public static TheoryData<string, string, string?, string> BadDates() => new()
    {
        // decidedAt, validFrom, validTo, the field named
        { "2026-12-01", "2026-12-01", null, "decidedAt" },       // in the future (today is 2026-11-28)
        { "1949-09-30", "2026-01-01", null, "decidedAt" },       // before 1949-10-01
        { "2026-11-01", "2037-11-02", null, "validFrom" },       // more than 10 years after decidedAt
        { "2026-11-01", "2026-11-01", "2026-10-31", "validTo" }, // before validFrom
        { "2026-11-01", "2026-11-01", "2036-11-02", "validTo" }, // more than 10 years after validFrom
    };

    [Theory]
    [MemberData(nameof(BadDates))]
    public async Task A_licence_with_an_insane_date_is_422_in_Chinese_naming_the_field_and_nothing_is_stored(string decidedAt, string validFrom, string? validTo, string field)
    {
        var enterprise = GridHost.NewEnterpriseId();
        var response = await grid.Post("/api/v1/licences", DeskCalls.Licence(enterprise, decidedAt: decidedAt, validFrom: validFrom, validTo: validTo));
        await DeskCalls.AssertProblem(response, HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal(0, await Stored(enterprise));
    }

    [Fact]
    public async Task A_licence_on_a_person_or_with_a_bad_code_is_refused_and_nothing_is_stored()
    {
        var person = GridHost.NewPersonId();
        await DeskCalls.AssertProblem(await grid.Post("/api/v1/licences", DeskCalls.Licence(person, subjectKind: "person")), HttpStatusCode.UnprocessableEntity, "subjectKind");
        Assert.Equal(0, await Stored(person));
        await DeskCalls.AssertProblem(await grid.Post("/api/v1/licences", DeskCalls.Licence("91370303MA3C0000X9")), HttpStatusCode.UnprocessableEntity, "subjectId");
        Assert.Equal(0, await Stored("91370303MA3C0000X9"));
        await DeskCalls.AssertProblem(await grid.Post("/api/v1/licences", new { licenceId = "lic-x", subjectKind = "enterprise", subjectId = GridHost.NewEnterpriseId() }),
            HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task A_licence_on_a_merchant_lands_on_its_enterprise_and_shows_on_the_merchant_page()
    {
        var merchant = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", merchant, new { name = "许可测试面馆", street = "水晶街" })).StatusCode);
        var response = await grid.Post("/api/v1/licences", DeskCalls.Licence(merchant, subjectKind: "merchant", validTo: null, number: "JY13703039876543"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("enterprise", (await response.Body()).GetProperty("subjectKind").GetString());

        var list = await grid.List($"/api/v1/licences?subjectId={merchant}", GridHost.Operator);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal("enterprise", item.GetProperty("subjectKind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("validTo").ValueKind); // 长期

        var page = await (await grid.Client().GetAsync($"/m/{merchant}")).Content.ReadAsStringAsync();
        Assert.Contains("食品经营许可证（JY13703039876543）", page);
        Assert.Contains("长期", page);
    }

    [Fact]
    public async Task A_licence_reported_more_than_7_days_after_its_decision_lowers_the_departments_on_time_rate()
    {
        async Task<(int Total, int Late, double Rate)> Tax()
        {
            var all = await grid.List("/api/v1/stats/departments", GridHost.CreditCenter);
            foreach (var d in all.EnumerateArray())
                if (d.GetProperty("department").GetString() == "区税务局")
                    return (d.GetProperty("total").GetInt32(), d.GetProperty("late").GetInt32(), d.GetProperty("onTimeRate").GetDouble());
            return (0, 0, 1);
        }
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/licences", DeskCalls.Licence(enterprise), GridHost.TaxReporter)).StatusCode);
        var before = await Tax();
        Assert.Equal(1.0, before.Rate);

        var late = await grid.Post("/api/v1/licences", DeskCalls.Licence(enterprise, decidedAt: "2026-11-01", validFrom: "2026-11-01"), GridHost.TaxReporter);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.True((await late.Body()).GetProperty("late").GetBoolean());
        var after = await Tax();
        Assert.Equal((before.Total + 1, before.Late + 1), (after.Total, after.Late));
        Assert.True(after.Rate < before.Rate, $"on-time rate {after.Rate} is not below {before.Rate}");
    }

    [Fact]
    public async Task The_licence_list_is_paged()
    {
        var enterprise = GridHost.NewEnterpriseId();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/licences", DeskCalls.Licence(enterprise))).StatusCode);
        var page = await grid.List($"/api/v1/licences?subjectId={enterprise}&page=2&pageSize=2");
        Assert.Equal((3, 2, 2, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(),
            page.GetProperty("items").GetArrayLength()));
        await DeskCalls.AssertProblem(await grid.Client(GridHost.Reporter).GetAsync("/api/v1/licences?pageSize=501"), HttpStatusCode.UnprocessableEntity, "pageSize");
    }
}
