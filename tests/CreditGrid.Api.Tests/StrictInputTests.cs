using System.Net;
using System.Text;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Lenient input the contract does not allow (issue 11 items 2, 3 and 4): impossible codes, duplicate keys, other
/// casing, wrong Content-Type, invalid strings inside a batch, broken complaint forms. Each is a 4xx, nothing stored.
/// </summary>
public class StrictInputTests(GridHost grid) : IClassFixture<GridHost>
{
    private static string EventJson(string eventId, string subjectId, string indicator = "E-PEN-NOTICE") =>
        $$"""{ "eventId": "{{eventId}}", "subjectKind": "enterprise", "subjectId": "{{subjectId}}", "indicator": "{{indicator}}", "occurredAt": "2026-10-02", "actionRef": "张市监罚〔2026〕{{Guid.NewGuid().ToString("N")[..6]}}号" }""";

    private static async Task<JsonElement> Problem(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("System.", text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [InlineData("000000000000000000")] // check characters fit, authority 0 does not exist
    [InlineData("9Y0000000000000000")] // authority 9 (工商) defines no kind Y
    public async Task A_code_GB_32100_does_not_define_is_422_on_registration_and_on_events(string prefix)
    {
        var code = CreditGrid.Core.Identifiers.UnifiedSocialCreditCode.Complete(prefix[..16]);
        var problem = await Problem(await grid.Register("enterprise", code, new { name = "空壳" }), 422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
        var eventId = GridHost.NewEventId();
        problem = await Problem(await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(EventJson(eventId, code))), 422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("subjectId", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{code}")).StatusCode);
    }

    [Theory]
    [InlineData("""{ "eventId": "dup-1", "eventId": "dup-2", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02" }""", "eventId")]
    [InlineData("""{ "eventId": "dup-3", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02", "occurredAt": "2026-10-03" }""", "occurredAt")]
    [InlineData("""{ "EventId": "case-1", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02" }""", "EventId")]
    [InlineData("""{ "eventId": "case-2", "subjectkind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02" }""", "subjectkind")]
    public async Task Duplicate_keys_and_other_casing_of_a_field_are_400_and_store_nothing(string template, string field)
    {
        var enterprise = GridHost.NewEnterpriseId();
        var problem = await Problem(await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(template.Replace("{E}", enterprise))), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{enterprise}")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/events", GridHost.Reporter)]
    [InlineData("POST", "/api/v1/events:batch", GridHost.Reporter)]
    [InlineData("PUT", "/api/v1/subjects/enterprise/{E}", GridHost.CreditCenter)]
    [InlineData("POST", "/api/v1/records/r-none/revoke", GridHost.CreditCenter)]
    [InlineData("POST", "/api/v1/objections/o-none/resolve", GridHost.CreditCenter)]
    [InlineData("POST", "/api/v1/merchants/{E}/inspections", GridHost.Reporter)]
    [InlineData("POST", "/api/v1/merchants/{E}/complaints", null)]
    [InlineData("POST", "/api/v1/merchants/{E}/reviews", null)]
    [InlineData("POST", "/api/v1/complaints/{E}-C1/verdict", GridHost.Reporter)]
    [InlineData("POST", "/api/v1/emergencies", GridHost.Emergency)]
    [InlineData("POST", "/api/v1/emergencies/inc-none/warning", GridHost.Emergency)]
    public async Task Every_JSON_endpoint_answers_415_to_a_body_that_is_not_JSON(string method, string path, string? key)
    {
        var enterprise = GridHost.NewEnterpriseId();
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16" })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{ "name": "x" }"""));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var response = await grid.Client(key).SendAsync(new HttpRequestMessage(new HttpMethod(method), path.Replace("{E}", enterprise)) { Content = content });
            var problem = await Problem(response, 415);
            Assert.Equal(415, problem.GetProperty("status").GetInt32());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{enterprise}")).StatusCode);
    }

    [Fact]
    public async Task A_batch_item_whose_eventId_is_not_valid_text_is_that_items_400_and_the_others_are_applied()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var good1 = GridHost.NewEventId();
        var good2 = GridHost.NewEventId();
        var body = new List<byte>();
        void Text(string s) => body.AddRange(Encoding.UTF8.GetBytes(s));
        Text("{ \"events\": [ " + EventJson(good1, enterprise) + ", ");
        Text(EventJson("LONE", enterprise).Replace("\"LONE\"", "\"\\ud800\"") + ", ");
        var around = EventJson("INVALID", enterprise).Split("INVALID");
        Text(around[0] + "x");
        body.AddRange([0xFF, 0xC0, 0xAF]); // never valid in UTF-8
        Text("y" + around[1] + ", ");
        Text(EventJson(good2, enterprise, "E-AWARD-DISTRICT-DEPT") + " ] }");
        var content = new ByteArrayContent([.. body]);
        content.Headers.ContentType = new("application/json");
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.MultiStatus, $"expected 207, got {(int)response.StatusCode}: {text}");
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([202, 400, 400, 202], results.Select(r => r.GetProperty("statusCode").GetInt32()));
        Assert.Equal(400, results[1].GetProperty("problem").GetProperty("status").GetInt32());
        await grid.WaitFor(good1, "applied");
        await grid.WaitFor(good2, "applied");
        Assert.Equal(2, (await grid.Subject("enterprise", enterprise)).GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task A_lone_surrogate_anywhere_in_a_single_event_is_400()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var json = EventJson(GridHost.NewEventId(), enterprise).Replace("\"actionRef\": \"", "\"actionRef\": \"\\udc00");
        await Problem(await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(json)), 400);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{enterprise}")).StatusCode);
    }

    private async Task<string> Merchant()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "表单测试店", street = "水晶街" })).StatusCode);
        return id;
    }

    private async Task AssertChinesePage(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"zh-CN\"", text);
        Assert.Contains("提交失败", text);
    }

    [Fact]
    public async Task The_complaint_form_answers_a_malformed_multipart_body_with_a_Chinese_400_page_and_stores_nothing()
    {
        var id = await Merchant();
        var version = (await grid.Subject("merchant", id)).GetProperty("version").GetInt64();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = grid.BaseAddress };
        var broken = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n短斤少两 no closing boundary"));
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        await AssertChinesePage(await client.PostAsync($"/m/{id}/complaints", broken), 400);

        var noBoundary = new ByteArrayContent(Encoding.UTF8.GetBytes("text=x"));
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        await AssertChinesePage(await client.PostAsync($"/m/{id}/complaints", noBoundary), 400);

        await AssertChinesePage(await client.PostAsync($"/m/{id}/complaints", Calls.Json(new { text = "x" })), 415);
        Assert.Equal(version, (await grid.Subject("merchant", id)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_complaint_form_answers_more_than_1024_fields_with_a_Chinese_400_page_and_stores_nothing()
    {
        var id = await Merchant();
        var version = (await grid.Subject("merchant", id)).GetProperty("version").GetInt64();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = grid.BaseAddress };
        var fields = Enumerable.Range(0, 1025).Select(i => new KeyValuePair<string, string>($"f{i}", "x")).Prepend(new("text", "价格不透明"));
        await AssertChinesePage(await client.PostAsync($"/m/{id}/complaints", new FormUrlEncodedContent(fields)), 400);
        Assert.Equal(version, (await grid.Subject("merchant", id)).GetProperty("version").GetInt64());

        // A proper form still works.
        var ok = await client.PostAsync($"/m/{id}/complaints", new FormUrlEncodedContent([new("text", "价格不透明")]));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.True((await grid.Subject("merchant", id)).GetProperty("version").GetInt64() > version);
    }
}
