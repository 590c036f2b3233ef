using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Merchant street" and domain-rules §7 colours, over HTTP.</summary>
public class MerchantStreetTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<string> Merchant(string street = "水晶街")
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "水晶街测试店" + id[^4..], street })).StatusCode);
        return id;
    }

    private async Task<string> Color(string id) => (await grid.Subject("merchant", id)).GetProperty("color").GetString()!;

    private Task<HttpResponseMessage> Post(string path, object body, string? key = GridHost.Reporter) =>
        grid.Client(key).PostAsync(path, Calls.Json(body));

    private static object Inspection(string inspectionId, string date, params object[] findings) => new { inspectionId, date, findings };

    private static object Finding(string findingId, string deadline, string area = "消防安全") => new { findingId, area, problem = "灭火器过期", deadline };

    [Fact]
    public async Task Colours_follow_commendation_finding_rectification_and_deadline()
    {
        var id = await Merchant();
        Assert.Equal("blue", await Color(id));
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });
        Assert.Equal("red", await Color(id));

        var inspected = await Post($"/api/v1/merchants/{id}/inspections", Inspection("i-1", "2026-11-27", Finding("f-1", "2026-12-05")));
        Assert.Equal(HttpStatusCode.Created, inspected.StatusCode);
        Assert.Equal("yellow", (await inspected.Body()).GetProperty("color").GetString());
        Assert.Equal("yellow", await Color(id));

        var rectified = await Post($"/api/v1/merchants/{id}/findings/f-1/rectify", new { rectifiedAt = "2026-11-28" });
        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);
        Assert.Equal("red", await Color(id));

        var late = await Post($"/api/v1/merchants/{id}/inspections", Inspection("i-2", "2026-11-10", Finding("f-2", "2026-11-20", "食品安全")));
        Assert.Equal("black", (await late.Body()).GetProperty("color").GetString());
    }

    [Fact]
    public async Task Severe_list_is_black_and_a_substantiated_complaint_is_yellow_until_resolved_then_blue()
    {
        var id = await Merchant();
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });
        var complaint = await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints", Calls.Json(new { text = "短斤少两", contact = "13800000000" }));
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);
        var complaintId = (await complaint.Body()).GetProperty("complaintId").GetString();
        Assert.Equal("red", await Color(id)); // no verdict yet
        Assert.Equal(HttpStatusCode.Conflict, (await Post($"/api/v1/complaints/{complaintId}/resolve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/v1/complaints/{complaintId}/verdict", new { substantiated = true })).StatusCode);
        Assert.Equal("yellow", await Color(id));
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/v1/complaints/{complaintId}/resolve", new { })).StatusCode);
        Assert.Equal("blue", await Color(id)); // a substantiated complaint in the last 12 months keeps it off red

        var other = await Merchant();
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = other, indicator = "E-SEVERE-FOOD-DRUG", occurredAt = "2026-11-01" });
        Assert.Equal("black", await Color(other));
    }

    [Fact]
    public async Task Expelled_is_black_and_readmitted_returns_and_only_the_credit_centre_may_do_it()
    {
        var id = await Merchant();
        Assert.Equal(HttpStatusCode.Forbidden, (await Post($"/api/v1/merchants/{id}/expel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/v1/merchants/{id}/expel", new { reason = "多次整改不到位" }, GridHost.CreditCenter)).StatusCode);
        Assert.Equal("black", await Color(id));
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/v1/merchants/{id}/readmit", new { }, GridHost.CreditCenter)).StatusCode);
        Assert.Equal("blue", await Color(id));
    }

    [Theory]
    [InlineData("""{ "inspectionId": "x", "date": "2026-11-27", "findings": [ { "findingId": "a", "area": "卫生", "problem": "p", "deadline": "2026-12-01" } ] }""", 422, "findings[0].area")]
    [InlineData("""{ "inspectionId": "x", "date": "2026-11-27", "findings": [ { "findingId": "a", "area": "食品安全", "problem": "p", "deadline": "2026-11-20" } ] }""", 422, "findings[0].deadline")]
    [InlineData("""{ "inspectionId": "x", "date": "2026-12-27", "findings": [] }""", 422, "date")]
    [InlineData("""{ "inspectionId": "x", "date": "2026-11-27", "findings": [ { "findingId": "a", "area": "食品安全", "deadline": "2026-12-01" } ] }""", 400, "findings[0].problem")]
    [InlineData("""{ "inspectionId": "x y", "date": "2026-11-27" }""", 400, "inspectionId")]
    public async Task Bad_inspections_are_refused_and_change_nothing(string body, int status, string field)
    {
        var id = await Merchant();
        var response = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(body));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.True((await response.Body()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("blue", await Color(id));
    }

    [Fact]
    public async Task Inspections_are_idempotent_by_id_and_unknown_merchants_are_404()
    {
        var id = await Merchant();
        var body = Inspection("same", "2026-11-27", Finding("f-a", "2026-12-05"));
        Assert.Equal(HttpStatusCode.Created, (await Post($"/api/v1/merchants/{id}/inspections", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/v1/merchants/{id}/inspections", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Post($"/api/v1/merchants/{id}/inspections", Inspection("same", "2026-11-26"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Post($"/api/v1/merchants/{id}/inspections", Inspection("clean", "2026-11-26"))).StatusCode);
        var unknown = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.NotFound, (await Post($"/api/v1/merchants/{unknown}/inspections", Inspection("i", "2026-11-27"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client().PostAsync($"/api/v1/merchants/{unknown}/complaints", Calls.Json(new { text = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post($"/api/v1/merchants/{id}/findings/nope/rectify", new { rectifiedAt = "2026-11-28" })).StatusCode);
    }

    [Fact]
    public async Task Public_writes_are_size_limited_and_reviews_take_1_to_5_stars()
    {
        var id = await Merchant();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints", Calls.Json(new { text = new string('字', 5000) }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints", Calls.Json(new { contact = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/reviews", Calls.Json(new { stars = 6 }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/reviews", Calls.Json(new { stars = 4, text = "不错" }))).StatusCode);
    }

    [Fact]
    public async Task The_board_counts_colours_against_the_targets_and_ranks_the_exemplary_red_merchants()
    {
        var street = "测试街" + Guid.NewGuid().ToString("N")[..6];
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add(await Merchant(street));
        foreach (var id in ids.Take(2))
            await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = ids[0], indicator = "E-PRAISE-DISTRICT-DEPT", occurredAt = "2026-11-02" });
        await Post($"/api/v1/merchants/{ids[3]}/inspections", Inspection("late", "2026-11-10", Finding("late-f", "2026-11-20")));

        JsonElement board = default;
        for (var i = 0; i < 200; i++)
        {
            board = await (await grid.Client().GetAsync($"/api/v1/merchants/board?street={Uri.EscapeDataString(street)}")).Body();
            var counts = board.GetProperty("counts"); // the board follows its merchants a moment after the events apply
            if (counts.GetProperty("black").GetInt32() == 1 && counts.GetProperty("red").GetInt32() == 2) break;
            await Task.Delay(50);
        }
        Assert.Equal(street, board.GetProperty("street").GetString());
        Assert.Equal(4, board.GetProperty("total").GetInt32());
        Assert.Equal(2, board.GetProperty("counts").GetProperty("red").GetInt32());
        Assert.Equal(1, board.GetProperty("counts").GetProperty("blue").GetInt32());
        Assert.Equal(1, board.GetProperty("counts").GetProperty("black").GetInt32());
        var targets = board.GetProperty("targets");
        Assert.False(targets.GetProperty("blackZero").GetBoolean());
        Assert.Equal(0.75, targets.GetProperty("blueOrBetterShare").GetDouble());
        Assert.Equal(0.5, targets.GetProperty("redShare").GetDouble());
        Assert.False(targets.GetProperty("met").GetBoolean());
        Assert.Equal(4, board.GetProperty("merchants").GetArrayLength());

        var exemplary = await (await grid.Client().GetAsync($"/api/v1/merchants/exemplary?street={Uri.EscapeDataString(street)}")).Body();
        Assert.Equal([ids[0], ids[1]], exemplary.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(1, exemplary[0].GetProperty("rank").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client().GetAsync("/api/v1/merchants/board?street=nowhere")).StatusCode);
    }

    [Fact]
    public async Task The_public_page_is_Chinese_HTML_with_a_form_that_works_without_JavaScript_and_a_QR_code()
    {
        var id = await Merchant();
        var page = await grid.Client().GetAsync($"/m/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("水晶街测试店", html);
        Assert.Contains("蓝名单", html);
        Assert.Contains($"action=\"/m/{id}/complaints\"", html);

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = grid.BaseAddress };
        var form = await noRedirect.PostAsync($"/m/{id}/complaints", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "价格不透明", ["contact"] = "" }));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Contains("complaint=submitted", form.Headers.Location!.ToString());
        Assert.Contains("价格不透明", await grid.Client().GetStringAsync($"/m/{id}"));

        var qr = await grid.Client().GetAsync($"/m/{id}/qr.png");
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        var png = await qr.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client().GetAsync($"/m/{GridHost.NewEnterpriseId()}")).StatusCode);
    }
}

/// <summary>A host allowing 3 public writes a minute from one address.</summary>
public sealed class StrictGridHost : GridHost
{
    protected override int RateLimit => 3;
}

public class RateLimitTests(StrictGridHost grid) : IClassFixture<StrictGridHost>
{
    [Fact]
    public async Task Complaints_and_reviews_are_rate_limited_per_address_with_a_429_problem()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "限流测试店", street = "水晶街" });
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
            statuses.Add((int)(await grid.Client().PostAsync($"/api/v1/merchants/{id}/reviews", Calls.Json(new { stars = 5 }))).StatusCode);
        Assert.Equal([201, 201, 201, 429, 429], statuses);
        var limited = await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints", Calls.Json(new { text = "x" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }
}
