using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CreditGrid.Api.Tests;

/// <summary>
/// The served OpenAPI document cannot drift from the endpoints (issue 14): real requests and answers of the test host
/// are validated against the schema of their operation and status in /openapi/v1.json (JSON Schema 2020-12, as
/// OpenAPI 3.1 writes it), and the document declares a request body for every write and the key for every keyed call.
/// </summary>
public class OpenApiContractTests(GridHost grid) : IClassFixture<GridHost>
{
    /// <summary>http-api: the only POSTs without a body (expel's is optional).</summary>
    private static readonly string[] WithoutBody =
    [
        "/api/v1/merchants/{id}/readmit", "/api/v1/emergencies/{id}/end", "/api/v1/emergencies/{id}/warning/lift",
        "/api/v1/complaints/{complaintId}/resolve", "/api/v1/applications/{id}/accept",
    ];

    private JsonObject? _document;

    private async Task<JsonObject> Document() => _document ??= JsonNode.Parse(await grid.Client().GetStringAsync("/openapi/v1.json"))!.AsObject();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject doc) =>
        doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch")
            .Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    [Fact]
    public async Task The_document_is_OpenAPI_3_1_with_the_X_Api_Key_scheme()
    {
        var doc = await Document();
        Assert.StartsWith("3.1", doc["openapi"]!.GetValue<string>());
        var scheme = doc["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_write_declares_its_request_schema_and_an_example_except_the_contracts_bodyless_posts()
    {
        var doc = await Document();
        var missing = new List<string>();
        foreach (var (path, method, op) in Operations(doc).Where(o => o.Method is "post" or "put" && o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            if (WithoutBody.Contains(path))
            {
                if (op["requestBody"] is not null) missing.Add($"{method} {path}: declares a body the contract does not have");
                continue;
            }
            // A file upload (POST /imports) is a multipart form: its schema names the file part as binary.
            if (op["requestBody"]?["content"]?["multipart/form-data"]?["schema"] is { } form)
            {
                var file = Resolve(doc, form)["properties"]?["file"]?.ToJsonString() ?? "";
                var binary = file.Contains("\"binary\"", StringComparison.Ordinal)
                    || System.Text.RegularExpressions.Regex.Matches(file, "#/components/schemas/(\\w+)")
                        .Any(m => doc["components"]!["schemas"]![m.Groups[1].Value]?["format"]?.GetValue<string>() == "binary");
                if (!binary) missing.Add($"{method} {path}: the form has no binary file part");
                continue;
            }
            var media = op["requestBody"]?["content"]?["application/json"];
            if (media?["schema"] is null) missing.Add($"{method} {path}: no request schema");
            else if (media["example"] is null) missing.Add($"{method} {path}: no example");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_keyed_operation_has_the_security_requirement_and_names_its_roles_and_anonymous_ones_have_none()
    {
        var doc = await Document();
        var anonymous = new[] { "/healthz", "/readyz", "/openapi", "/api/v1/catalog/", "/api/v1/merchants/board", "/api/v1/merchants/exemplary", "/api/v1/merchants/streets", "/api/v1/emergency-resources", "/m/", "/credit", "/api/v1/public/" };
        var wrong = new List<string>();
        foreach (var (path, method, op) in Operations(doc))
        {
            var open = anonymous.Any(a => path.StartsWith(a, StringComparison.Ordinal))
                       || (method == "post" && (path.EndsWith("/complaints", StringComparison.Ordinal) || path.EndsWith("/reviews", StringComparison.Ordinal)) && path.StartsWith("/api/v1/merchants/", StringComparison.Ordinal))
                       || path == "/metrics";
            var security = op["security"]?.AsArray();
            var keyed = security is { Count: > 0 } && security.Any(s => s!.AsObject().ContainsKey("ApiKey"));
            if (open && keyed) wrong.Add($"{method} {path}: public but asks for a key");
            if (!open && path.StartsWith("/api/", StringComparison.Ordinal))
            {
                if (!keyed) wrong.Add($"{method} {path}: needs a key but has no security requirement");
                else if (op["description"]?.GetValue<string>() is not { } d || !d.Contains("Roles: ", StringComparison.Ordinal)) wrong.Add($"{method} {path}: no roles line");
            }
            if (op["summary"]?.GetValue<string>() is { } summary && System.Text.RegularExpressions.Regex.IsMatch(summary, @"\bL\d{3,4}\b"))
                wrong.Add($"{method} {path}: the summary cites a seed line");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var push = doc["paths"]!["/api/v1/events"]!["post"]!;
        Assert.Equal(["reporter", "credit-center"], push["x-roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("Roles: reporter, credit-center", push["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Error_responses_are_described_by_the_problem_details_schema()
    {
        var doc = await Document();
        var op = doc["paths"]!["/api/v1/events"]!["post"]!;
        foreach (var status in new[] { "400", "401", "403", "409", "422" })
            Assert.Equal("#/components/schemas/ProblemDetails", op["responses"]![status]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Real_requests_and_answers_of_events_batch_and_search_match_the_document()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var fine = Calls.Fine(enterprise);
        var accepted = await Exchange("post", "/api/v1/events", "/api/v1/events", GridHost.Reporter, fine);
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        var duplicate = await Exchange("post", "/api/v1/events", "/api/v1/events", GridHost.Reporter, fine);
        Assert.Equal(HttpStatusCode.OK, duplicate);
        var bad = new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = "E-PEN-FINE-10K-100K", occurredAt = "2099-01-01" };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await Exchange("post", "/api/v1/events", "/api/v1/events", GridHost.Reporter, bad));
        Assert.Equal(HttpStatusCode.Unauthorized, await Exchange("post", "/api/v1/events", "/api/v1/events", null, fine));

        var batch = new { events = new[] { Calls.Fine(enterprise), bad } };
        Assert.Equal((HttpStatusCode)207, await Exchange("post", "/api/v1/events:batch", "/api/v1/events:batch", GridHost.Reporter, batch));

        var eventId = ((dynamic)fine).eventId as string;
        await grid.WaitFor(eventId!, "applied");
        Assert.Equal(HttpStatusCode.OK, await Exchange("get", "/api/v1/events/{eventId}", $"/api/v1/events/{eventId}", GridHost.Reporter, null));
        Assert.Equal(HttpStatusCode.OK, await Exchange("get", "/api/v1/subjects", $"/api/v1/subjects?q={enterprise[..10]}", GridHost.Operator, null));
        Assert.Equal(HttpStatusCode.OK, await Exchange("get", "/api/v1/subjects/{kind}/{id}", $"/api/v1/subjects/enterprise/{enterprise}", GridHost.Operator, null));
    }

    [Fact]
    public async Task Real_requests_and_answers_of_emergencies_match_the_document()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..8];
        var incident = new { incidentId = id, title = "化工厂泄漏", type = "火灾事故", severity = "较大", occurredAt = "2026-11-28T01:00:00Z", location = "张店区" };
        Assert.Equal(HttpStatusCode.Created, await Exchange("post", "/api/v1/emergencies", "/api/v1/emergencies", GridHost.Emergency, incident));
        Assert.Equal(HttpStatusCode.OK, await Exchange("post", "/api/v1/emergencies/{id}/warning", $"/api/v1/emergencies/{id}/warning", GridHost.Emergency, new { level = 2 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await Exchange("post", "/api/v1/emergencies/{id}/response", $"/api/v1/emergencies/{id}/response", GridHost.Emergency, new { level = 9 }));
        Assert.Equal(HttpStatusCode.OK, await Exchange("post", "/api/v1/emergencies/{id}/releases", $"/api/v1/emergencies/{id}/releases", GridHost.Emergency, new { kind = "authoritative", at = "2026-11-28T01:30:00Z" }));
        Assert.Equal(HttpStatusCode.OK, await Exchange("get", "/api/v1/emergencies/{id}", $"/api/v1/emergencies/{id}", GridHost.Operator, null));
        Assert.Equal(HttpStatusCode.OK, await Exchange("get", "/api/v1/emergencies", "/api/v1/emergencies", GridHost.Operator, null));
        Assert.Equal(HttpStatusCode.NotFound, await Exchange("get", "/api/v1/emergencies/{id}", "/api/v1/emergencies/none", GridHost.Operator, null));
    }

    [Fact]
    public async Task Real_requests_and_answers_of_inspections_complaints_and_objections_match_the_document()
    {
        var merchant = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, await Exchange("put", "/api/v1/subjects/{kind}/{id}", $"/api/v1/subjects/merchant/{merchant}", GridHost.CreditCenter,
            new { name = "契约小店", street = "契约街" }));
        var inspection = new { inspectionId = "i-" + Guid.NewGuid().ToString("N")[..8], date = "2026-11-20", findings = new[] { new { findingId = "f-1", area = "食品安全", problem = "过期食品", deadline = "2026-12-05" } } };
        Assert.Equal(HttpStatusCode.Created, await Exchange("post", "/api/v1/merchants/{id}/inspections", $"/api/v1/merchants/{merchant}/inspections", GridHost.Reporter, inspection));
        var complaint = await grid.Client().PostAsync($"/api/v1/merchants/{merchant}/complaints", Calls.Json(new { text = "缺斤短两", contact = "138" }));
        Assert.Equal(HttpStatusCode.Created, complaint.StatusCode);
        await Matches("post", "/api/v1/merchants/{id}/complaints", complaint, new { text = "缺斤短两", contact = "138" });
        var complaintId = (await complaint.Body()).GetProperty("complaintId").GetString();
        Assert.Equal(HttpStatusCode.OK, await Exchange("post", "/api/v1/complaints/{complaintId}/verdict", $"/api/v1/complaints/{complaintId}/verdict", GridHost.Reporter, new { substantiated = true }));
        Assert.Equal(HttpStatusCode.OK, await Exchange("get", "/api/v1/complaints", "/api/v1/complaints", GridHost.Operator, null));

        var enterprise = GridHost.NewEnterpriseId();
        var applied = await grid.PushApplied(Calls.Fine(enterprise));
        var recordId = applied.GetProperty("recordIds")[0].GetString();
        var objectionId = "o-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, await Exchange("post", "/api/v1/records/{recordId}/objections", $"/api/v1/records/{recordId}/objections", GridHost.Operator,
            new { objectionId, reason = "处罚已撤销", needsOtherUnits = false }));
        Assert.Equal(HttpStatusCode.OK, await Exchange("get", "/api/v1/objections", "/api/v1/objections?status=open", GridHost.Operator, null));
        Assert.Equal(HttpStatusCode.OK, await Exchange("post", "/api/v1/objections/{objectionId}/resolve", $"/api/v1/objections/{objectionId}/resolve", GridHost.CreditCenter,
            new { upheld = false, note = "维持" }));
        Assert.Equal(HttpStatusCode.Conflict, await Exchange("post", "/api/v1/objections/{objectionId}/resolve", $"/api/v1/objections/{objectionId}/resolve", GridHost.CreditCenter,
            new { upheld = false }));
    }

    /// <summary>Sends a request, validates its body against the operation's request schema and the answer against its status's schema.</summary>
    private async Task<HttpStatusCode> Exchange(string method, string template, string url, string? key, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = body is null ? null : Calls.Json(body) };
        var response = await grid.Client(key).SendAsync(request);
        await Matches(method, template, response, body);
        return response.StatusCode;
    }

    private async Task Matches(string method, string template, HttpResponseMessage response, object? body)
    {
        var doc = await Document();
        var op = doc["paths"]?[template]?[method] ?? throw new Xunit.Sdk.XunitException($"{method} {template} is not in the document");
        if (body is not null)
        {
            var schema = op["requestBody"]?["content"]?["application/json"]?["schema"] ?? throw new Xunit.Sdk.XunitException($"{method} {template}: no request schema");
            Validate(doc, schema, JsonSerializer.SerializeToElement(body), $"{method} {template} request");
        }
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var declared = op["responses"]?[status] ?? throw new Xunit.Sdk.XunitException($"{method} {template}: status {status} is not declared");
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0) return;
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/json";
        var responseSchema = declared["content"]?[mediaType]?["schema"] ?? throw new Xunit.Sdk.XunitException($"{method} {template} {status}: no schema for {mediaType}: {text}");
        Validate(doc, responseSchema, JsonDocument.Parse(text).RootElement, $"{method} {template} {status} answer");
    }

    /// <summary>A schema with its $ref (one level) replaced by the component it names.</summary>
    private static JsonNode Resolve(JsonObject doc, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? doc["components"]!["schemas"]![reference.Split('/')[^1]]!
            : schema;

    /// <summary>One operation's schema with the document's components as $defs, evaluated as JSON Schema 2020-12.</summary>
    private static void Validate(JsonObject doc, JsonNode schema, JsonElement instance, string what)
    {
        var root = JsonNode.Parse(schema.ToJsonString())!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = JsonNode.Parse(doc["components"]!["schemas"]!.ToJsonString());
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var compiled = JsonSchema.FromText(text, new BuildOptions(), new Uri($"https://creditgrid.test/{Guid.NewGuid():N}"));
        var result = compiled.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{what} does not match the document: {JsonSerializer.Serialize(result)}\n{instance}");
    }
}
