using System.Net;
using System.Text.Json;
using CreditGrid.Api.Tests.Desk;

namespace CreditGrid.Api.Tests.Portal;

/// <summary>
/// 双公示 (domain-rules §9, L483) on the portal: licences valid today and penalties that count, newest first, with
/// `late`; a revoked penalty leaves the publication; and the published commitments (§10).
/// </summary>
public sealed class PortalPublicityTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<JsonElement> Get(string path)
    {
        var response = await grid.Client().GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> Enterprise(string name)
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name })).StatusCode);
        return id;
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Licences_are_published_newest_first_with_late_when_reported_more_than_seven_days_after_the_decision()
    {
        var name = PortalTests.Tag(4) + "餐饮有限公司";
        var id = await Enterprise(name);
        var onTime = "lic-" + Guid.NewGuid().ToString("N");
        var late = "lic-" + Guid.NewGuid().ToString("N");
        var expired = "lic-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/licences", DeskCalls.Licence(id, onTime, decidedAt: "2026-11-26", validFrom: "2026-11-26"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/licences", DeskCalls.Licence(id, late, decidedAt: "2026-11-10", validFrom: "2026-11-10"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/licences", DeskCalls.Licence(id, expired, decidedAt: "2026-11-05", validFrom: "2026-11-05", validTo: "2026-11-20"))).StatusCode);

        var page = await Get("/api/v1/public/publicity?type=licence&days=30&pageSize=500");
        Assert.Equal("licence", page.GetProperty("type").GetString());
        Assert.Equal(30, page.GetProperty("days").GetInt32());
        var mine = Items(page).Where(i => i.GetProperty("subjectId").GetString() == id).ToList();
        Assert.Equal(new[] { onTime, late }, mine.Select(i => i.GetProperty("id").GetString())); // newest first; the expired one is not published
        Assert.False(mine[0].GetProperty("late").GetBoolean());
        Assert.True(mine[1].GetProperty("late").GetBoolean());
        Assert.Equal(name, mine[0].GetProperty("subjectName").GetString());
        Assert.Equal("2026-11-26", mine[0].GetProperty("decidedAt").GetString());
        var dates = Items(page).Select(i => i.GetProperty("decidedAt").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);

        Assert.DoesNotContain(Items(await Get("/api/v1/public/publicity?type=licence&days=7&pageSize=500")), i => i.GetProperty("id").GetString() == late);
        var html = await grid.Client().GetStringAsync("/credit/publicity?type=licence&days=30");
        Assert.Contains(name, html);
        Assert.Contains("逾期报送", html);
    }

    [Fact]
    public async Task A_penalty_is_published_while_it_counts_and_leaves_the_publication_when_revoked()
    {
        var name = PortalTests.Tag(4) + "五金有限公司";
        var id = await Enterprise(name);
        var applied = await grid.PushApplied(Calls.Fine(id, occurredAt: "2026-11-24", actionRef: "张市监罚〔2026〕321号"));
        var record = applied.GetProperty("recordIds")[0].GetString();

        var item = Assert.Single(Items(await Get("/api/v1/public/publicity?type=penalty&days=30&pageSize=500")), i => i.GetProperty("subjectId").GetString() == id);
        Assert.Equal("penalty", item.GetProperty("type").GetString());
        Assert.Equal(record, item.GetProperty("id").GetString());
        Assert.Equal("张市监罚〔2026〕321号", item.GetProperty("decisionRef").GetString());
        Assert.Equal(GridHost.ReporterDepartment, item.GetProperty("department").GetString());
        Assert.Equal(name, item.GetProperty("subjectName").GetString());
        Assert.False(item.GetProperty("late").GetBoolean());
        Assert.Contains("张市监罚〔2026〕321号", await grid.Client().GetStringAsync("/credit/publicity?type=penalty"));

        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "复议撤销" }))).StatusCode);
        Assert.DoesNotContain(Items(await Get("/api/v1/public/publicity?type=penalty&days=30&pageSize=500")), i => i.GetProperty("subjectId").GetString() == id);
    }

    [Fact]
    public async Task A_subject_with_several_penalties_keeps_exactly_the_ones_that_count_as_fines_come_and_one_is_revoked()
    {
        // Issue 16: a save writes only the difference from the rows published before (a new fine is one insert).
        var id = await Enterprise(PortalTests.Tag(4) + "建材有限公司");
        async Task<List<string?>> Published() =>
            [.. Items(await Get("/api/v1/public/publicity?type=penalty&days=30&pageSize=500")).Where(i => i.GetProperty("subjectId").GetString() == id)
                .Select(i => i.GetProperty("id").GetString()).Order(StringComparer.Ordinal)];
        var records = new List<string?>();
        foreach (var (day, n) in new[] { ("2026-11-20", 401), ("2026-11-22", 402), ("2026-11-24", 403) })
        {
            var applied = await grid.PushApplied(Calls.Fine(id, occurredAt: day, actionRef: $"张市监罚〔2026〕{n}号"));
            records.Add(applied.GetProperty("recordIds")[0].GetString());
            Assert.Equal(records.Order(StringComparer.Ordinal), await Published());
        }
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{records[1]}/revoke", Calls.Json(new { reason = "复议撤销" }))).StatusCode);
        Assert.Equal(new[] { records[0], records[2] }.Order(StringComparer.Ordinal), await Published());
        var fourth = await grid.PushApplied(Calls.Fine(id, occurredAt: "2026-11-25", actionRef: "张市监罚〔2026〕404号"));
        Assert.Equal(new[] { records[0], records[2], fourth.GetProperty("recordIds")[0].GetString() }.Order(StringComparer.Ordinal), await Published());
    }

    [Fact]
    public async Task A_persons_penalty_is_never_published()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "钱七" });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-20" });
        var page = await Get("/api/v1/public/publicity?type=penalty&days=365&pageSize=500");
        Assert.DoesNotContain(Items(page), i => i.GetProperty("subjectId").GetString() == person || i.GetProperty("subjectKind").GetString() == "person");
    }

    [Fact]
    public async Task A_bad_type_or_days_is_a_problem_naming_the_field()
    {
        var type = await grid.Client().GetAsync("/api/v1/public/publicity?type=fines");
        Assert.Equal(HttpStatusCode.BadRequest, type.StatusCode);
        Assert.Contains("行政许可", await type.Content.ReadAsStringAsync());
        var days = await grid.Client().GetAsync("/api/v1/public/publicity?days=0");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, days.StatusCode);
        Assert.Contains("days", await days.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_commitments_page_shows_an_enterprises_commitments_and_their_breach()
    {
        var id = await Enterprise(PortalTests.Tag(4) + "超市有限公司");
        var commitment = "cm-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await grid.Post("/api/v1/commitments", DeskCalls.Commitment(id, commitment))).StatusCode);
        var html = await grid.Client().GetStringAsync($"/credit/commitments?subjectId={id}");
        Assert.Contains("守法诚信经营，不销售假冒伪劣商品。", html);
        Assert.Contains(commitment, html);
        Assert.DoesNotContain("已违诺", html);
        Assert.Contains("/credit/commitments?subjectId=", await grid.Client().GetStringAsync($"/credit/enterprise/{id}"));
    }
}
