using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>Issue 14 "The API as its users meet it": the language of problems, what 401/403 ask for, no type names, Z instants, raw UTF-8 queries.</summary>
public class ApiShapeTests(GridHost grid) : IClassFixture<GridHost>
{
    private static HttpRequestMessage English(HttpMethod method, string path, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return request;
    }

    [Fact]
    public async Task A_points_value_outside_the_range_is_a_Chinese_422_by_default_and_an_English_one_on_Accept_Language_en()
    {
        var id = GridHost.NewEnterpriseId();
        var body = new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-FINE-10K-100K", occurredAt = "2026-10-02", points = 7 };
        var chinese = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(body));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, chinese.StatusCode);
        var zh = await chinese.Body();
        Assert.Equal("违反业务规则", zh.GetProperty("title").GetString());
        Assert.Contains("不填 'points'", zh.GetProperty("detail").GetString());
        Assert.Contains("不填 'points'", zh.GetProperty("errors").GetProperty("points")[0].GetString());
        Assert.Equal("zh-CN", chinese.Content.Headers.ContentLanguage.Single());
        // The grid's clock is on a mapped problem too (screens count down in server time).
        // (Clock:Now starts the grid's time at GridHost.Now; it runs on from there.)
        Assert.InRange(DateTimeOffset.Parse(chinese.Headers.GetValues("X-Grid-Now").Single(), System.Globalization.CultureInfo.InvariantCulture),
            GridHost.Now, GridHost.Now.AddHours(1));

        var english = await grid.Client(GridHost.Reporter).SendAsync(English(HttpMethod.Post, "/api/v1/events", Calls.Json(body)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, english.StatusCode);
        var en = await english.Body();
        Assert.Equal("The request breaks a rule", en.GetProperty("title").GetString());
        Assert.Equal("'E-PEN-FINE-10K-100K' is worth -40 points; leave 'points' out.", en.GetProperty("detail").GetString());
        Assert.Equal("'E-PEN-FINE-10K-100K' is worth -40 points; leave 'points' out.", en.GetProperty("errors").GetProperty("points")[0].GetString());
        Assert.Equal("en", english.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task Chinese_ranked_above_English_keeps_the_problem_Chinese()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/no-such-event");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.8");
        var response = await grid.Client(GridHost.Reporter).SendAsync(request);
        Assert.Equal("未找到", (await response.Body()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_event_is_a_404_in_Chinese_and_in_English()
    {
        var zh = await grid.Client(GridHost.Reporter).GetAsync("/api/v1/events/no-such-event");
        Assert.Equal(HttpStatusCode.NotFound, zh.StatusCode);
        Assert.Equal("application/problem+json", zh.Content.Headers.ContentType!.MediaType);
        var zhBody = await zh.Body();
        Assert.Equal("未找到", zhBody.GetProperty("title").GetString());
        Assert.Equal("没有事件 'no-such-event'。", zhBody.GetProperty("detail").GetString());

        var en = await (await grid.Client(GridHost.Reporter).SendAsync(English(HttpMethod.Get, "/api/v1/events/no-such-event"))).Body();
        Assert.Equal("Not found", en.GetProperty("title").GetString());
        Assert.Equal("No event 'no-such-event'.", en.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_without_a_key_is_a_401_that_names_the_header_and_the_roles()
    {
        var zh = await grid.Client().GetAsync("/api/v1/objections");
        Assert.Equal(HttpStatusCode.Unauthorized, zh.StatusCode);
        var zhBody = await zh.Body();
        Assert.Equal("需要有效的 API 密钥", zhBody.GetProperty("title").GetString());
        Assert.Equal("缺少 API 密钥：请在请求头 X-Api-Key 中提供。该操作需要以下角色之一：operator（运行值守）、credit-center（区社会信用中心）。",
            zhBody.GetProperty("detail").GetString());

        var en = await (await grid.Client().SendAsync(English(HttpMethod.Get, "/api/v1/objections"))).Body();
        Assert.Equal("A valid API key is required", en.GetProperty("title").GetString());
        Assert.Equal("No API key: send one in the X-Api-Key header. This operation needs one of the roles: operator, credit-center.", en.GetProperty("detail").GetString());

        var unknown = await (await grid.Client("not-a-key").GetAsync("/api/v1/objections")).Body();
        Assert.StartsWith("X-Api-Key 中的密钥无效。", unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_key_without_the_role_is_a_403_that_names_the_role_needed_and_the_callers_department()
    {
        var zh = await grid.Client(GridHost.Reporter).GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, zh.StatusCode);
        var zhBody = await zh.Body();
        Assert.Equal("无权操作", zhBody.GetProperty("title").GetString());
        Assert.Equal("该操作需要以下角色之一：credit-center（区社会信用中心）。当前密钥（区市场监管局）的角色：reporter。", zhBody.GetProperty("detail").GetString());

        var en = await (await grid.Client(GridHost.Reporter).SendAsync(English(HttpMethod.Get, "/api/v1/audit"))).Body();
        Assert.Equal("Forbidden", en.GetProperty("title").GetString());
        Assert.Equal("This operation needs one of the roles: credit-center. This key (区市场监管局) has the roles: reporter.", en.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/events", """{ "eventId": "x", "points": "7" }""")]
    [InlineData("/api/v1/events", """{ "eventId": "x", "EventId": "y" }""")]
    [InlineData("/api/v1/events", """{ "eventId": "x", "surprise": true }""")]
    [InlineData("/api/v1/events", """{ "eventId": { "nested": 1 } }""")]
    [InlineData("/api/v1/events", """{ "amount": 1e999 }""")]
    [InlineData("/api/v1/events", """[ 1, 2 ]""")]
    [InlineData("/api/v1/events", """{ "eventId": "a", "eventId": "b" }""")]
    [InlineData("/api/v1/events", """{ "note": "\ud800" }""")]
    [InlineData("/api/v1/events", """{ "eventId": """)]
    [InlineData("/api/v1/events:batch", """{ "events": [ { "points": [] }, 5, null ] }""")]
    [InlineData("/api/v1/events:batch", """{ "events": 5 }""")]
    [InlineData("/api/v1/merchants/m-1/inspections", """{ "inspectionId": "i", "findings": [ null, { "deadline": 5 } ] }""")]
    [InlineData("/api/v1/emergencies", """{ "incidentId": true }""")]
    public async Task A_malformed_body_is_a_400_that_names_no_dotnet_type(string path, string body)
    {
        foreach (var english in new[] { false, true })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Calls.Json(body) };
            if (english) request.Headers.AcceptLanguage.ParseAdd("en");
            var key = path.StartsWith("/api/v1/emergencies", StringComparison.Ordinal) ? GridHost.Emergency : GridHost.Reporter;
            var response = await grid.Client(key).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or (HttpStatusCode)207, $"{(int)response.StatusCode}: {text}");
            foreach (var leak in new[] { "CreditGrid.", "System.", "Nullable", "JsonElement", "Exception", ".NET member" })
                Assert.DoesNotContain(leak, text);
            var problem = JsonDocument.Parse(text).RootElement;
            if (response.StatusCode == HttpStatusCode.BadRequest)
                Assert.Equal(english ? "The request is malformed" : "请求格式错误", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task Instants_are_written_in_UTC_with_Z()
    {
        var id = "z-" + Guid.NewGuid().ToString("N")[..8];
        var created = await grid.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(new
        {
            incidentId = id, title = "仓库火情", type = "火灾事故", severity = "一般", occurredAt = "2026-11-28T08:30:00+08:00", location = "张店区",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(text).RootElement;
        Assert.Equal("2026-11-28T00:30:00Z", view.GetProperty("occurredAt").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", view.GetProperty("history")[0].GetProperty("at").GetString());
        Assert.DoesNotContain("+00:00", text);

        var person = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", person, new { name = "张三" })).StatusCode);
        var audit = await grid.Client(GridHost.CreditCenter).GetStringAsync("/api/v1/audit?limit=5");
        Assert.DoesNotContain("+00:00", audit);
        Assert.Matches(@"""at"":""\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z""", audit);
    }

    [Fact]
    public async Task A_raw_UTF8_query_string_finds_the_street_like_its_percent_encoded_form()
    {
        var merchant = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", merchant, new { name = "原码小店", street = "原码街" })).StatusCode);
        var encoded = await grid.Client().GetAsync("/api/v1/merchants/board?street=%E5%8E%9F%E7%A0%81%E8%A1%97");
        Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);

        // As curl sends '…?street=原码街': the UTF-8 bytes unescaped in the request line, then a second request with a
        // body on the same connection (the framing is kept), then an unknown street.
        var body = Encoding.UTF8.GetBytes("""{ "stars": 5, "text": "好" }""");
        var raw = Concat(
            Encoding.UTF8.GetBytes("GET /api/v1/merchants/board?street=原码街 HTTP/1.1\r\nHost: localhost\r\n\r\n"),
            Encoding.UTF8.GetBytes($"POST /api/v1/merchants/{merchant}/reviews HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"),
            body,
            Encoding.UTF8.GetBytes("GET /api/v1/merchants/board?street=无此街 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        var answers = await RawHttp(raw);
        Assert.Equal(3, answers.Count);
        Assert.StartsWith("HTTP/1.1 200", answers[0]);
        Assert.Contains("\"street\":\"原码街\"", answers[0]);
        Assert.StartsWith("HTTP/1.1 201", answers[1]);
        Assert.StartsWith("HTTP/1.1 404", answers[2]);
        Assert.Contains("“无此街”没有商户。", answers[2]);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Sends bytes as they are over one TCP connection and splits the answers (no client escapes anything).</summary>
    private async Task<List<string>> RawHttp(byte[] request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(grid.BaseAddress.Host, grid.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        using var all = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await stream.CopyToAsync(all, timeout.Token);
        var text = Encoding.UTF8.GetString(all.ToArray());
        return [.. text.Split("HTTP/1.1 ", StringSplitOptions.RemoveEmptyEntries).Select(a => "HTTP/1.1 " + a)];
    }
}
