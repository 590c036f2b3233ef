using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Authentication and roles": each role against each endpoint; no key or an unknown key is 401.</summary>
public class RoleMatrixTests(GridHost grid) : IClassFixture<GridHost>
{
    private const string R = GridHost.Reporter, C = GridHost.CreditCenter, O = GridHost.Operator, E = GridHost.Emergency;

    public static TheoryData<string, string, string[]> Endpoints() => new()
    {
        { "POST", "/api/v1/events", [R, C] },
        { "POST", "/api/v1/events:batch", [R, C] },
        { "GET", "/api/v1/events/none", [R, C, O] },
        { "PUT", "/api/v1/subjects/enterprise/91350100M000100Y43", [C] },
        { "GET", "/api/v1/subjects/enterprise/91350100M000100Y43", [C, O] },
        { "POST", "/api/v1/records/Rnone/revoke", [R, C] },
        { "POST", "/api/v1/records/Rnone/repair", [C] },
        { "POST", "/api/v1/records/Rnone/objections", [C, O] },
        { "POST", "/api/v1/objections/none/resolve", [C] },
        { "GET", "/api/v1/objections", [C, O] },
        { "GET", "/api/v1/audit", [C] },
        { "POST", "/api/v1/merchants/91350100M000100Y43/inspections", [R, C] },
        { "POST", "/api/v1/merchants/91350100M000100Y43/findings/f/rectify", [R, C] },
        { "POST", "/api/v1/merchants/91350100M000100Y43/expel", [C] },
        { "POST", "/api/v1/merchants/91350100M000100Y43/readmit", [C] },
        { "POST", "/api/v1/complaints/91350100M000100Y43-C1/verdict", [R, C] },
        { "POST", "/api/v1/complaints/91350100M000100Y43-C1/resolve", [R, C] },
        { "GET", "/api/v1/stats/grades", [C, O] },
        { "GET", "/api/v1/stats/departments", [C, O] },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_gets_in_only_where_the_contract_lets_it(string method, string path, string[] allowed)
    {
        foreach (var key in new[] { R, C, O, E })
        {
            var response = await Send(method, path, key);
            var status = (int)response.StatusCode;
            if (allowed.Contains(key))
                Assert.True(status is not (401 or 403), $"{key} on {method} {path} should be allowed, got {status}");
            else
                Assert.True(status == 403, $"{key} on {method} {path} should be 403, got {status}");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(method, path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(method, path, "not-a-key")).StatusCode);
    }

    [Fact]
    public async Task A_401_is_a_problem_document()
    {
        var response = await Send("GET", "/api/v1/audit", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/api/v1/catalog/person")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    [InlineData("/lib/signalr/signalr.min.js")]
    [InlineData("/api/v1/merchants/streets")]
    public async Task Public_paths_need_no_key(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await grid.Client().GetAsync(path)).StatusCode);

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var doc = await (await grid.Client().GetAsync("/openapi/v1.json")).Body();
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/events", "/api/v1/events:batch", "/api/v1/events/{eventId}", "/api/v1/subjects/{kind}/{id}",
                     "/api/v1/records/{recordId}/revoke", "/api/v1/records/{recordId}/repair", "/api/v1/records/{recordId}/objections",
                     "/api/v1/objections/{objectionId}/resolve", "/api/v1/objections", "/api/v1/audit", "/api/v1/catalog/{kind}", "/healthz", "/readyz" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
    }

    private Task<HttpResponseMessage> Send(string method, string path, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = Calls.Json("{}");
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return grid.Client().SendAsync(request);
    }
}
