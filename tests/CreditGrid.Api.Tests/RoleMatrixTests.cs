using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>
/// http-api "Authentication and roles": every endpoint × every role (a reporter, a reporter of another department, the
/// credit centre, an operator, the emergency role, no key, an unknown key). A role the contract lets in never gets
/// 401/403; any other gets 403, and no key or an unknown key 401. Public endpoints let everyone in. The department
/// dimension of the street workflows is <see cref="Street_workflows_belong_to_the_department_that_found_or_decided_it"/>.
/// </summary>
public class RoleMatrixTests(GridHost grid) : IClassFixture<GridHost>
{
    private const string R = GridHost.Reporter, T = GridHost.TaxReporter, C = GridHost.CreditCenter, O = GridHost.Operator, E = GridHost.Emergency;
    private static readonly string[] Keys = [R, T, C, O, E];
    private const string Uscc = "91350100M000100Y43";

    /// <summary>Every mapped route (api/Endpoints/*.cs, the dashboard, operations); null = public, no key needed.</summary>
    public static TheoryData<string, string, string[]?> Endpoints() => new()
    {
        // Events and subjects
        { "POST", "/api/v1/events", [R, T, C] },
        { "POST", "/api/v1/events:batch", [R, T, C] },
        { "GET", "/api/v1/events/none", [R, T, C, O] },
        { "PUT", $"/api/v1/subjects/enterprise/{Uscc}", [C] },
        { "GET", $"/api/v1/subjects/enterprise/{Uscc}", [C, O] },
        // Record workflows and objections
        { "POST", "/api/v1/records/Rnone/revoke", [R, T, C] },
        { "POST", "/api/v1/records/Rnone/repair", [C] },
        { "POST", "/api/v1/records/Rnone/objections", [C, O] },
        { "POST", "/api/v1/objections/none/resolve", [C] },
        { "GET", "/api/v1/objections", [C, O] },
        { "GET", "/api/v1/audit", [C] },
        // Merchant street
        { "POST", $"/api/v1/merchants/{Uscc}/inspections", [R, T, C] },
        { "POST", $"/api/v1/merchants/{Uscc}/findings/f/rectify", [R, T, C] },
        { "POST", $"/api/v1/merchants/{Uscc}/expel", [C] },
        { "POST", $"/api/v1/merchants/{Uscc}/readmit", [C] },
        { "POST", $"/api/v1/complaints/{Uscc}-C1/verdict", [R, T, C] },
        { "POST", $"/api/v1/complaints/{Uscc}-C1/resolve", [R, T, C] },
        { "POST", $"/api/v1/merchants/{Uscc}/complaints", null },
        { "POST", $"/api/v1/merchants/{Uscc}/reviews", null },
        { "GET", "/api/v1/merchants/streets", null },
        { "GET", "/api/v1/merchants/board?street=水晶街", null },
        { "GET", "/api/v1/merchants/exemplary?street=水晶街", null },
        { "GET", "/api/v1/stats/grades", [C, O] },
        { "GET", "/api/v1/stats/departments", [C, O] },
        // Department desk: licences, commitments, credit checks
        { "POST", "/api/v1/licences", [R, T, C] },
        { "GET", "/api/v1/licences", [R, T, C, O] },
        { "POST", "/api/v1/commitments", [R, T, C] },
        { "GET", "/api/v1/commitments", [R, T, C, O] },
        { "GET", $"/api/v1/checks/enterprise/{Uscc}?purpose=awards", [R, T, C, O] },
        // Emergencies
        { "POST", "/api/v1/emergencies", [E] },
        { "POST", "/api/v1/emergencies/none/warning", [E] },
        { "POST", "/api/v1/emergencies/none/warning/lift", [E] },
        { "POST", "/api/v1/emergencies/none/response", [E] },
        { "POST", "/api/v1/emergencies/none/releases", [E] },
        { "POST", "/api/v1/emergencies/none/end", [E] },
        { "GET", "/api/v1/emergencies", [E, O] },
        { "GET", "/api/v1/emergencies/none", [E, O] },
        { "GET", "/api/v1/emergencies/none/resources", [E, O] },
        { "GET", "/api/v1/emergency-resources", null },
        // Catalogue, operations, dashboard and the public merchant page
        { "GET", "/api/v1/catalog/person", null },
        { "GET", "/healthz", null },
        { "GET", "/readyz", null },
        { "GET", "/metrics", null },
        { "GET", "/openapi/v1.json", null },
        { "POST", "/hubs/grid/negotiate?negotiateVersion=1", [O] },
        { "GET", "/", null },
        { "GET", "/lib/signalr/signalr.min.js", null },
        { "GET", $"/m/{Uscc}", null },
        { "GET", $"/m/{Uscc}/qr.png", null },
        { "POST", $"/m/{Uscc}/complaints", null },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_gets_in_only_where_the_contract_lets_it(string method, string path, string[]? allowed)
    {
        foreach (var key in Keys)
        {
            var status = (int)(await Send(method, path, key)).StatusCode;
            if (allowed is null || allowed.Contains(key))
                Assert.True(status is not (401 or 403), $"{key} on {method} {path} should be allowed, got {status}");
            else
                Assert.True(status == 403, $"{key} on {method} {path} should be 403, got {status}");
        }
        foreach (var key in new[] { null, "not-a-key" })
        {
            var status = (int)(await Send(method, path, key)).StatusCode;
            if (allowed is null) Assert.True(status is not (401 or 403), $"{key ?? "no key"} on public {method} {path} got {status}");
            else Assert.True(status == 401, $"{key ?? "no key"} on {method} {path} should be 401, got {status}");
        }
    }

    /// <summary>
    /// The department dimension (http-api "Work queues", issue 11 item 7): 区市场监管局 (R) found the finding and gave the
    /// verdict; 区税务局 (T) is another department; the credit centre (C) may do everything.
    /// </summary>
    public static TheoryData<string, string, int> StreetObjects() => new()
    {
        { "rectify", T, 403 }, { "rectify", R, 200 }, { "rectify", C, 200 },
        { "overturn", T, 403 }, { "overturn", R, 200 }, { "overturn", C, 200 },
        { "resolve", T, 403 }, { "resolve", R, 200 }, { "resolve", C, 200 },
    };

    [Theory]
    [MemberData(nameof(StreetObjects))]
    public async Task Street_workflows_belong_to_the_department_that_found_or_decided_it(string action, string key, int expected)
    {
        var street = new StreetFixture(grid);
        var merchant = await street.Merchant();
        // One open fact per case, so the colour says whether the action happened: yellow while it is open, blue after.
        string? complaintId = null;
        if (action == "rectify") await street.Inspect(merchant, "f-matrix", R);
        else complaintId = await street.SubstantiatedComplaint(merchant, R);
        Assert.Equal("yellow", await street.Color(merchant));

        var response = action switch
        {
            "rectify" => await street.Post($"/api/v1/merchants/{merchant}/findings/f-matrix/rectify", new { rectifiedAt = "2026-11-28" }, key),
            "overturn" => await street.Post($"/api/v1/complaints/{complaintId}/verdict", new { substantiated = false }, key),
            _ => await street.Post($"/api/v1/complaints/{complaintId}/resolve", new { }, key),
        };
        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal(expected == 403 ? "yellow" : "blue", await street.Color(merchant)); // a 403 wrote nothing
        if (expected == 403) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_401_is_a_problem_document()
    {
        var response = await Send("GET", "/api/v1/audit", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

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
        if (method != "GET") request.Content = path.StartsWith("/m/", StringComparison.Ordinal) ? new FormUrlEncodedContent([new("text", "x")]) : Calls.Json("{}");
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return grid.Client().SendAsync(request);
    }
}

/// <summary>The street setup the authorisation tests share: a merchant, a finding, a complaint with a verdict.</summary>
public sealed class StreetFixture(GridHost grid)
{
    public async Task<string> Merchant()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "部门测试店" + id[^4..], street = "水晶街" })).StatusCode);
        return id;
    }

    public Task<HttpResponseMessage> Post(string path, object body, string key) => grid.Client(key).PostAsync(path, Calls.Json(body));

    public async Task Inspect(string merchant, string findingId, string key) =>
        Assert.Equal(HttpStatusCode.Created, (await Post($"/api/v1/merchants/{merchant}/inspections",
            new { inspectionId = "i-" + findingId, date = "2026-11-27", findings = new[] { new { findingId, area = "消防安全", problem = "灭火器过期", deadline = "2026-12-05" } } }, key)).StatusCode);

    public async Task<string> Complaint(string merchant)
    {
        var response = await grid.Client().PostAsync($"/api/v1/merchants/{merchant}/complaints", Calls.Json(new { text = "短斤少两" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Body()).GetProperty("complaintId").GetString()!;
    }

    public async Task<string> SubstantiatedComplaint(string merchant, string key)
    {
        var id = await Complaint(merchant);
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/v1/complaints/{id}/verdict", new { substantiated = true }, key)).StatusCode);
        return id;
    }

    public async Task<string> Color(string merchant) => (await grid.Subject("merchant", merchant)).GetProperty("color").GetString()!;
}
