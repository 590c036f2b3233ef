using System.Net;
using System.Text.Json;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;
using CreditGrid.Silo.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Work queues": GET /api/v1/complaints over the complaints projection, and the verdict rule.</summary>
public class ComplaintQueueTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<string> Complain(string merchant, string text, string? contact = null)
    {
        var created = await grid.Client().PostAsync($"/api/v1/merchants/{merchant}/complaints", Calls.Json(new { text, contact }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Body()).GetProperty("complaintId").GetString()!;
    }

    private async Task<JsonElement> Queue(string query, string key = GridHost.Operator)
    {
        var response = await grid.Client(key).GetAsync("/api/v1/complaints?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }

    [Fact]
    public async Task The_queue_lists_complaints_with_the_merchant_masked_text_and_verdict_but_never_the_contact()
    {
        var merchant = GridHost.NewEnterpriseId();
        await grid.Register("merchant", merchant, new { name = "队列测试店", street = "西五路" });
        var person = GridHost.NewPersonId();
        var first = await Complain(merchant, $"店员态度差，我的身份证{person}，电话13912345678", "contact-13700000000");
        var second = await Complain(merchant, "短斤少两");
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/complaints/{second}/verdict", Calls.Json(new { substantiated = true }))).StatusCode);

        var page = await Queue($"merchantId={merchant}");
        Assert.Equal(["total", "page", "pageSize", "items"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal((1, 50), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var a = items.Single(i => i.GetProperty("complaintId").GetString() == first);
        Assert.Equal(["complaintId", "merchantId", "merchantName", "street", "text", "receivedAt", "status", "verdict", "resolvedAt"], a.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("队列测试店", "西五路", "received"), (a.GetProperty("merchantName").GetString(), a.GetProperty("street").GetString(), a.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, a.GetProperty("verdict").ValueKind);
        var text = a.GetProperty("text").GetString()!;
        Assert.DoesNotContain(person, text);
        Assert.Contains(ResidentId.Mask(person), text);
        Assert.DoesNotContain("13912345678", text);
        Assert.DoesNotContain("13700000000", page.ToString());
        var b = items.Single(i => i.GetProperty("complaintId").GetString() == second);
        Assert.Equal("substantiated", b.GetProperty("status").GetString());
        Assert.True(b.GetProperty("verdict").GetProperty("substantiated").GetBoolean());
        Assert.Equal(GridHost.ReporterDepartment, b.GetProperty("verdict").GetProperty("department").GetString());
        Assert.Equal("2026-11-28", b.GetProperty("verdict").GetProperty("at").GetString());

        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/complaints/{second}/resolve", null)).StatusCode);
        var resolved = (await Queue($"merchantId={merchant}&status=resolved")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal((second, "2026-11-28"), (resolved.GetProperty("complaintId").GetString(), resolved.GetProperty("resolvedAt").GetString()));
    }

    [Fact]
    public async Task Status_street_and_paging_filter_the_queue()
    {
        var street = "队列街" + Guid.NewGuid().ToString("N")[..6];
        var merchant = GridHost.NewEnterpriseId();
        await grid.Register("merchant", merchant, new { name = "分页投诉店", street });
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await Complain(merchant, $"投诉{i}"));
        await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/complaints/{ids[0]}/verdict", Calls.Json(new { substantiated = false }));

        var byStreet = await Queue($"street={Uri.EscapeDataString(street)}&pageSize=2&page=2");
        Assert.Equal(5, byStreet.GetProperty("total").GetInt32());
        Assert.Equal((2, 2), (byStreet.GetProperty("page").GetInt32(), byStreet.GetProperty("pageSize").GetInt32()));
        Assert.Equal(2, byStreet.GetProperty("items").GetArrayLength());
        var pages = new List<string>();
        for (var p = 1; p <= 3; p++)
            pages.AddRange((await Queue($"street={Uri.EscapeDataString(street)}&pageSize=2&page={p}")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("complaintId").GetString()!));
        Assert.Equal(ids.Order(), pages.Order());
        var unfounded = await Queue($"street={Uri.EscapeDataString(street)}&status=unfounded");
        Assert.Equal(ids[0], unfounded.GetProperty("items").EnumerateArray().Single().GetProperty("complaintId").GetString());
        Assert.Equal(4, (await Queue($"merchantId={merchant}&status=received")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("status=open", 400, "status")]
    [InlineData("pageSize=501", 422, "pageSize")]
    [InlineData("page=0", 422, "page")]
    [InlineData("page=x", 400, "page")]
    public async Task Bad_filters_are_a_Chinese_problem_naming_the_field(string query, int status, string field)
    {
        var response = await grid.Client(GridHost.Operator).GetAsync("/api/v1/complaints?" + query);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (await response.Body()).GetProperty("errors").GetProperty(field)[0].GetString()!);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-key", HttpStatusCode.Unauthorized)]
    [InlineData(GridHost.Emergency, HttpStatusCode.Forbidden)]
    [InlineData(GridHost.Reporter, HttpStatusCode.OK)]
    [InlineData(GridHost.Operator, HttpStatusCode.OK)]
    [InlineData(GridHost.CreditCenter, HttpStatusCode.OK)]
    public async Task Operators_the_credit_centre_and_reporters_may_read_the_queue(string? key, HttpStatusCode expected) =>
        Assert.Equal(expected, (await grid.Client(key).GetAsync("/api/v1/complaints")).StatusCode);

    [Fact]
    public async Task Any_reporter_gives_the_first_verdict_then_only_that_department_or_the_credit_centre()
    {
        var merchant = GridHost.NewEnterpriseId();
        await grid.Register("merchant", merchant, new { name = "结论规则店", street = "水晶街" });
        var id = await Complain(merchant, "过期食品");
        var verdict = Calls.Json(new { substantiated = true });
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.TaxReporter).PostAsync($"/api/v1/complaints/{id}/verdict", verdict)).StatusCode);
        var other = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/complaints/{id}/verdict", Calls.Json(new { substantiated = false }));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("区税务局", (await other.Body()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/complaints/{id}/resolve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.TaxReporter).PostAsync($"/api/v1/complaints/{id}/resolve", null)).StatusCode);
        var listed = (await Queue($"merchantId={merchant}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("resolved", listed.GetProperty("status").GetString());

        // The credit centre may change another department's verdict; it is then the verdict's department.
        var second = await Complain(merchant, "无证经营");
        await grid.Client(GridHost.TaxReporter).PostAsync($"/api/v1/complaints/{second}/verdict", verdict);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/complaints/{second}/verdict", Calls.Json(new { substantiated = false }))).StatusCode);
        var changed = (await Queue($"merchantId={merchant}&status=unfounded")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("区社会信用中心", changed.GetProperty("verdict").GetProperty("department").GetString());
    }

    [Fact]
    public async Task Seed_demo_run_twice_adds_no_second_reviews_or_complaints()
    {
        var services = grid.Service<IServiceProvider>();
        await DemoData.Seed(services, NullLogger.Instance);
        var reviewed = UnifiedSocialCreditCode.Complete($"92370303{0 + 70000000:D8}");
        var complained = UnifiedSocialCreditCode.Complete($"92370303{14 + 70000000:D8}");
        var grains = grid.Service<IGrainFactory>();
        var reviewsOnce = (await grains.Merchant(reviewed).Public())!.ReviewCount;
        var complaintsOnce = (await Queue($"merchantId={complained}")).GetProperty("total").GetInt32();
        Assert.Equal((2, 1), (reviewsOnce, complaintsOnce));

        await DemoData.Seed(services, NullLogger.Instance);

        Assert.Equal(reviewsOnce, (await grains.Merchant(reviewed).Public())!.ReviewCount);
        Assert.Equal(complaintsOnce, (await Queue($"merchantId={complained}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Metrics_count_the_live_merchants()
    {
        var merchant = GridHost.NewEnterpriseId();
        await grid.Register("merchant", merchant, new { name = "指标店", street = "水晶街" });
        var metrics = await grid.Client().GetStringAsync("/metrics");
        Assert.Matches(@"creditgrid_subjects_active(_grain)?\{[^}]*kind=""merchant""[^}]*\} [1-9]", metrics);
    }
}
