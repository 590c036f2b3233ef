using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests.Portal;

/// <summary>
/// 信用张店 (issue 15, http-api "信用张店 public portal", domain-rules §9): the public lookup over the search projection
/// (enterprises and institutions only), the public facts page, and the 诚信红黑榜 as durable projections.
/// </summary>
public sealed class PortalTests(GridHost grid) : IClassFixture<GridHost>
{
    private static readonly Random Chance = new();

    /// <summary>Chinese characters no other test uses, so each test finds only its own subjects.</summary>
    public static string Tag(int length)
    {
        lock (Chance) return new string([.. Enumerable.Range(0, length).Select(_ => (char)Chance.Next(0x4E00, 0x9FA5))]);
    }

    private HttpClient Anonymous => grid.Client();

    private async Task<JsonElement> Get(string path)
    {
        var response = await Anonymous.GetAsync(path);
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

    private async Task<JsonElement?> OnList(string list, string id)
    {
        var page = await Get($"/api/v1/public/lists/{list}?pageSize=500");
        foreach (var item in Items(page))
            if (item.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String && i.GetString() == id) return item;
        return null;
    }

    [Fact]
    public async Task The_public_lookup_finds_an_enterprise_by_part_of_its_name_with_grade_category_and_colour_but_no_score()
    {
        var tag = Tag(4);
        var id = await Enterprise("淄博" + tag + "商贸有限公司");
        var page = await Get("/api/v1/public/subjects?q=" + Uri.EscapeDataString(tag[1..]));
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(50, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt64() >= 1);
        var hit = Assert.Single(Items(page), i => i.GetProperty("id").GetString() == id);
        Assert.Equal("enterprise", hit.GetProperty("kind").GetString());
        Assert.Equal("淄博" + tag + "商贸有限公司", hit.GetProperty("name").GetString());
        Assert.Equal("A", hit.GetProperty("grade").GetString());
        Assert.Equal("诚信守法", hit.GetProperty("category").GetString());
        Assert.True(hit.TryGetProperty("color", out _));
        Assert.Equal(new[] { "category", "color", "grade", "id", "kind", "name" }, hit.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task A_merchant_is_found_as_its_enterprise_with_its_street_colour()
    {
        var tag = Tag(4);
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = tag + "烧烤店", street = "水晶街" })).StatusCode);
        var deadline = Stopwatch.StartNew();
        JsonElement hit;
        while (true)
        {
            var found = Items(await Get("/api/v1/public/subjects?q=" + Uri.EscapeDataString(tag)));
            Assert.DoesNotContain(found, i => i.GetProperty("kind").GetString() == "merchant");
            hit = found.FirstOrDefault(i => i.GetProperty("id").GetString() == id);
            if (hit.ValueKind == JsonValueKind.Object && hit.GetProperty("color").ValueKind == JsonValueKind.String) break;
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "the merchant's enterprise never showed its colour");
            await Task.Delay(100);
        }
        Assert.Equal("enterprise", hit.GetProperty("kind").GetString());
        Assert.Contains(hit.GetProperty("color").GetString(), new[] { "red", "blue", "yellow", "black" });
    }

    [Fact]
    public async Task Persons_and_officials_never_appear_in_the_public_lookup_even_by_their_exact_name_or_ID()
    {
        var tag = Tag(3);
        var person = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", person, new { name = tag + "张三" })).StatusCode);
        var official = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("official", official, new { name = tag + "李四", unit = "区财政局" })).StatusCode);
        // The operators' search finds them (the projection has them), the public lookup does not.
        var operatorHits = (await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/subjects?q=" + Uri.EscapeDataString(tag))).Body()).GetProperty("items");
        Assert.Equal(2, operatorHits.GetArrayLength());
        foreach (var q in new[] { tag, tag + "张三", tag + "李四", person, official, person[..8] })
        {
            var page = await Get("/api/v1/public/subjects?q=" + Uri.EscapeDataString(q) + "&pageSize=500");
            Assert.DoesNotContain(Items(page), i => i.GetProperty("kind").GetString() is "person" or "official");
            Assert.DoesNotContain(Items(page), i => i.GetProperty("id").GetString() == person || i.GetProperty("id").GetString() == official);
        }
        var html = await (await Anonymous.GetAsync("/credit?q=" + Uri.EscapeDataString(tag))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("张三", html);
        Assert.DoesNotContain("李四", html);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync($"/credit/person/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync($"/credit/official/{official}")).StatusCode);
    }

    [Fact]
    public async Task The_lookup_without_q_is_a_400_naming_the_field_in_Chinese_and_in_English()
    {
        var response = await Anonymous.GetAsync("/api/v1/public/subjects");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("统一社会信用代码", await response.Content.ReadAsStringAsync());
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/subjects?pageSize=501&q=abc");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var tooMany = await Anonymous.SendAsync(english);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("'pageSize' must be from 1 to 500", await tooMany.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_public_page_shows_the_counting_records_with_their_citation_and_no_score_and_hides_a_revoked_one()
    {
        var tag = Tag(4);
        var id = await Enterprise(tag + "建材有限公司");
        var fine = await grid.PushApplied(Calls.Fine(id, actionRef: "张市监罚〔2026〕88号"));
        var revoked = await grid.PushApplied(Calls.Fine(id, indicator: "E-PEN-FINE-10K-100K", occurredAt: "2026-09-01", actionRef: "张市监罚〔2026〕77号"));
        var revokedRecord = revoked.GetProperty("recordIds")[0].GetString();
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{revokedRecord}/revoke", Calls.Json(new { reason = "决定撤销" }))).StatusCode);

        var response = await Anonymous.GetAsync($"/credit/enterprise/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var view = await grid.Subject("enterprise", id);
        var score = view.GetProperty("score").GetInt32();
        Assert.Contains(tag + "建材有限公司", html);
        Assert.Contains(id, html);
        Assert.Contains($"{view.GetProperty("grade").GetString()} 级", html);
        Assert.Contains(view.GetProperty("category").GetString()!, html);
        Assert.Contains("张市监罚〔2026〕88号", html);
        Assert.Contains(fine.GetProperty("recordIds")[0].GetString()!, html);
        Assert.Contains("《张店区市场主体公共信用评价管理办法（试行）》", html);
        Assert.DoesNotContain("张市监罚〔2026〕77号", html); // revoked: as if never (§9)
        Assert.DoesNotContain($">{score}<", html);
        Assert.DoesNotContain($"{score} 分", html);
        Assert.Contains($"/credit/enterprise/{id}/report.pdf", html);
    }

    [Fact]
    public async Task A_severe_list_record_puts_the_enterprise_on_the_black_list_and_revoking_it_takes_it_off()
    {
        var tag = Tag(4);
        var id = await Enterprise(tag + "食品有限公司");
        var applied = await grid.PushApplied(Calls.Fine(id, indicator: "E-SEVERE-FOOD-DRUG", occurredAt: "2026-11-20", actionRef: "张市监严〔2026〕5号"));
        var record = applied.GetProperty("recordIds")[0].GetString();

        var entry = await Eventually(() => OnList("black", id), e => e is not null, "on the black list");
        var item = entry!.Value;
        Assert.Equal("enterprise", item.GetProperty("kind").GetString());
        Assert.Equal(tag + "食品有限公司", item.GetProperty("name").GetString());
        Assert.Equal("D", item.GetProperty("grade").GetString());
        Assert.Equal("2026-11-20", item.GetProperty("since").GetString());
        Assert.Equal(record, item.GetProperty("recordId").GetString());
        Assert.Contains("严重失信主体名单", item.GetProperty("reason").GetString());
        var list = await Get("/api/v1/public/lists/black");
        Assert.EndsWith("Z", list.GetProperty("computedAt").GetString());
        Assert.Contains(id, await (await Anonymous.GetAsync("/credit/lists/black")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{record}/revoke", Calls.Json(new { reason = "认定撤销" }))).StatusCode);
        await Eventually(() => OnList("black", id), e => e is null, "off the black list");
        Assert.DoesNotContain(id, await (await Anonymous.GetAsync("/credit/lists/black")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_enterprise_at_AAA_is_on_the_red_list_and_a_fine_takes_it_off()
    {
        var id = await Enterprise(Tag(4) + "科技有限公司");
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-AWARD-NATIONAL", occurredAt = "2026-10-01" });
        var entry = (await Eventually(() => OnList("red", id), e => e is not null, "on the red list"))!.Value;
        Assert.Equal("AAA", entry.GetProperty("grade").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("recordId").ValueKind);
        await grid.PushApplied(Calls.Fine(id, indicator: "E-PEN-NOTICE", occurredAt: "2026-11-02"));
        await Eventually(() => OnList("red", id), e => e is null, "off the red list (an active sanction record)");
    }

    [Fact]
    public async Task The_lists_survive_a_restart_and_rebuild_projections_writes_them_again()
    {
        var id = await Enterprise(Tag(4) + "化工有限公司");
        await grid.PushApplied(Calls.Fine(id, indicator: "E-SEVERE-ECO-ENVIRONMENT", occurredAt: "2026-11-10"));
        await Eventually(() => OnList("black", id), e => e is not null, "on the black list");

        await grid.Restart();
        Assert.NotNull(await OnList("black", id));

        var database = grid.Service<CreditGrid.Silo.Storage.Database>();
        await database.Write(async (c, tx) =>
        {
            await using var wipe = CreditGrid.Silo.Storage.Database.Command(c, "DELETE FROM public_list", tx);
            await wipe.ExecuteNonQueryAsync();
        });
        Assert.Null(await OnList("black", id));
        await CreditGrid.Silo.Storage.ProjectionRebuild.Run(grid.Service<IServiceProvider>());
        var rebuilt = (await OnList("black", id))!.Value;
        Assert.Equal("2026-11-10", rebuilt.GetProperty("since").GetString());
    }

    [Fact]
    public async Task An_unknown_list_is_a_404_problem()
    {
        var response = await Anonymous.GetAsync("/api/v1/public/lists/grey");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("红榜", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync("/credit/lists/grey")).StatusCode);
    }

    /// <summary>Polls until the condition holds; the contract gives a list change 2 s.</summary>
    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"not {what} within 2 s");
            await Task.Delay(50);
        }
    }
}
