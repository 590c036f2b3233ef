using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreditGrid.Api.Tests;

/// <summary>What a request should leave alone when it is rejected: a subject (its version) or an incident (its history).</summary>
public sealed record FuzzTarget(string Kind, string Id);

/// <summary>One write endpoint: a valid request for it as the world stands now and its target, and what to remember when one succeeds.</summary>
public sealed record FuzzEndpoint(string Name, Func<(FuzzTemplate Template, FuzzTarget Target)> Make, Func<string, Task>? OnSuccess = null);

/// <summary>
/// The subjects, records, findings, complaints, objections and incidents the fuzzer writes to, and the table of every
/// write endpoint of api/Endpoints/*.cs and the dashboard's complaint form, each with a valid body to mutate.
/// </summary>
public sealed class FuzzWorld
{
    private const string Street = "模糊测试街";
    private readonly GridHost _grid;
    private readonly string _enterprise = GridHost.NewEnterpriseId();
    private readonly string _person = GridHost.NewPersonId();
    private readonly string _merchant = GridHost.NewEnterpriseId();
    // GB 32100 1/2: 机构编制, 事业单位 (an institution's code must not be 9 工商).
    private readonly string _institution = CreditGrid.Core.Identifiers.UnifiedSocialCreditCode.Complete("12" + GridHost.NewEnterpriseId()[2..16]);
    private string _record = "";
    private string _objection = "";
    private string _finding = "";
    private string _complaint = "";
    private string _incident = "";

    private FuzzWorld(GridHost grid) => _grid = grid;

    public static async Task<FuzzWorld> Create(GridHost grid)
    {
        var w = new FuzzWorld(grid);
        Ok(await grid.Register("enterprise", w._enterprise, new { name = "模糊测试企业", registeredAt = "2020-01-01", enterpriseType = "company" }));
        Ok(await grid.Register("person", w._person, new { name = "模糊测试人", registeredAt = "2020-01-01" }));
        Ok(await grid.Register("merchant", w._merchant, new { name = "模糊测试店", street = Street }));
        Ok(await grid.Client(GridHost.CreditCenter).PutAsync($"/api/v1/subjects/institution/{w._institution}", Calls.Json(w.InstitutionBody().ToJsonString())));
        await w.NewRecord();
        var inspectionId = Fresh("i");
        w._finding = Fresh("f");
        Ok(await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{w._merchant}/inspections", Calls.Json(new
        {
            inspectionId, date = "2026-11-20", findings = new[] { new { findingId = w._finding, area = "消防安全", problem = "灭火器过期", deadline = "2026-12-20" } },
        })));
        var complaint = await grid.Client().PostAsync($"/api/v1/merchants/{w._merchant}/complaints", Calls.Json(new { text = "价格不透明" }));
        Ok(complaint);
        w._complaint = (await complaint.Body()).GetProperty("complaintId").GetString()!;
        await w.NewIncident();
        return w;
    }

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"fuzz set-up: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

    private static string Fresh(string prefix) => $"fz-{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>A fresh active record on the enterprise with an open objection, for revoke, repair, objections and resolve.</summary>
    private async Task NewRecord()
    {
        var applied = await _grid.PushApplied(Calls.Fine(_enterprise, indicator: "E-PEN-NOTICE"));
        _record = applied.GetProperty("recordIds")[0].GetString()!;
        _objection = Fresh("o");
        Ok(await _grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/records/{_record}/objections", Calls.Json(new { objectionId = _objection, reason = "模糊测试" })));
    }

    private async Task NewIncident()
    {
        _incident = Fresh("inc");
        Ok(await _grid.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(Incident(_incident))));
    }

    private static JsonObject Incident(string id) => new()
    {
        ["incidentId"] = id, ["title"] = "模糊测试火情", ["type"] = "火灾事故", ["severity"] = "一般", ["occurredAt"] = "2026-11-28T00:00:00Z", ["location"] = "张店区",
    };

    private JsonObject Event(string subjectKind, string subjectId) => new()
    {
        ["eventId"] = Fresh("e"), ["subjectKind"] = subjectKind, ["subjectId"] = subjectId,
        ["indicator"] = subjectKind == "person" ? "P-TAX-REFUSE" : "E-PEN-NOTICE", ["occurredAt"] = "2026-10-02", ["endedAt"] = null,
        ["actionRef"] = "张市监罚〔2026〕" + Guid.NewGuid().ToString("N")[..6], ["points"] = null, ["amount"] = null, ["note"] = "模糊测试",
    };

    private JsonObject InstitutionBody() => new()
    {
        ["name"] = "模糊测试中心", ["institutionType"] = "public-institution",
        ["staff"] = new JsonArray(new JsonObject { ["personId"] = _person, ["role"] = "head", ["from"] = "2024-01-01", ["to"] = null }),
    };

    private FuzzTarget Enterprise => new("enterprise", _enterprise);
    private FuzzTarget Merchant => new("merchant", _merchant);
    private FuzzTarget IncidentTarget => new("incident", _incident);

    private static FuzzEndpoint Json(string name, string method, Func<string> path, string? key, Func<JsonObject?> body, Func<FuzzTarget> target,
        Func<string[]> routeIds, Func<string, Task>? onSuccess = null) =>
        new(name, () => (new FuzzTemplate(method, path(), key, body(), routeIds()), target()), onSuccess);

    public IReadOnlyList<FuzzEndpoint> Endpoints() =>
    [
        Json("events", "POST", () => "/api/v1/events", GridHost.Reporter, () => Event("enterprise", _enterprise), () => Enterprise, () => []),
        Json("events/person", "POST", () => "/api/v1/events", GridHost.Reporter, () => Event("person", _person), () => new("person", _person), () => []),
        Json("events/institution", "POST", () => "/api/v1/events", GridHost.Reporter, () =>
        {
            var honour = Event("institution", _institution);
            honour["indicator"] = "P-AWARD-PROVINCE-GOV";
            honour["honourScope"] = "collective";
            return honour;
        }, () => new("institution", _institution), () => []),
        Json("events:batch", "POST", () => "/api/v1/events:batch", GridHost.Reporter,
            () => new JsonObject { ["events"] = new JsonArray(Event("enterprise", _enterprise), Event("enterprise", _enterprise)) }, () => Enterprise, () => []),
        Json("subjects/enterprise", "PUT", () => $"/api/v1/subjects/enterprise/{_enterprise}", GridHost.CreditCenter,
            () => new JsonObject { ["name"] = "模糊测试企业", ["registeredAt"] = "2020-01-01", ["enterpriseType"] = "company" }, () => Enterprise, () => [_enterprise]),
        Json("subjects/person", "PUT", () => $"/api/v1/subjects/person/{_person}", GridHost.CreditCenter,
            () => new JsonObject { ["name"] = "模糊测试人", ["registeredAt"] = "2020-01-01" }, () => new("person", _person), () => [_person]),
        Json("subjects/institution", "PUT", () => $"/api/v1/subjects/institution/{_institution}", GridHost.CreditCenter,
            InstitutionBody, () => new("institution", _institution), () => [_institution]),
        Json("subjects/merchant", "PUT", () => $"/api/v1/subjects/merchant/{_merchant}", GridHost.CreditCenter,
            () => new JsonObject { ["name"] = "模糊测试店", ["street"] = Street }, () => Merchant, () => [_merchant]),
        Json("revoke", "POST", () => $"/api/v1/records/{_record}/revoke", GridHost.Reporter,
            () => new JsonObject { ["reason"] = "错误录入", ["decisionRef"] = "张信撤〔2026〕1号" }, () => Enterprise, () => [_record], _ => NewRecord()),
        Json("repair", "POST", () => $"/api/v1/records/{_record}/repair", GridHost.CreditCenter,
            () => new JsonObject { ["repairedAt"] = "2026-11-20", ["reason"] = "已整改" }, () => Enterprise, () => [_record], _ => NewRecord()),
        Json("objections", "POST", () => $"/api/v1/records/{_record}/objections", GridHost.CreditCenter,
            () => new JsonObject { ["objectionId"] = Fresh("o"), ["reason"] = "模糊测试", ["needsOtherUnits"] = false }, () => Enterprise, () => [_record]),
        Json("objections/resolve", "POST", () => $"/api/v1/objections/{_objection}/resolve", GridHost.CreditCenter,
            () => new JsonObject { ["upheld"] = false, ["note"] = "不予支持" }, () => Enterprise, () => [_objection], _ => NewRecord()),
        Json("inspections", "POST", () => $"/api/v1/merchants/{_merchant}/inspections", GridHost.Reporter, () => new JsonObject
        {
            ["inspectionId"] = Fresh("i"), ["date"] = "2026-11-20",
            ["findings"] = new JsonArray(new JsonObject { ["findingId"] = Fresh("f"), ["area"] = "消防安全", ["problem"] = "通道堵塞", ["deadline"] = "2026-12-20" }),
        }, () => Merchant, () => [_merchant], RememberFinding),
        Json("rectify", "POST", () => $"/api/v1/merchants/{_merchant}/findings/{_finding}/rectify", GridHost.Reporter,
            () => new JsonObject { ["rectifiedAt"] = "2026-11-27" }, () => Merchant, () => [_merchant, _finding]),
        Json("expel", "POST", () => $"/api/v1/merchants/{_merchant}/expel", GridHost.CreditCenter,
            () => new JsonObject { ["reason"] = "多次整改不到位" }, () => Merchant, () => [_merchant]),
        Json("readmit", "POST", () => $"/api/v1/merchants/{_merchant}/readmit", GridHost.CreditCenter, () => null, () => Merchant, () => [_merchant]),
        Json("complaints", "POST", () => $"/api/v1/merchants/{_merchant}/complaints", null,
            () => new JsonObject { ["text"] = "短斤少两", ["contact"] = "13800000000" }, () => Merchant, () => [_merchant], RememberComplaint),
        Json("reviews", "POST", () => $"/api/v1/merchants/{_merchant}/reviews", null,
            () => new JsonObject { ["stars"] = 4, ["text"] = "服务不错" }, () => Merchant, () => [_merchant]),
        Json("complaints/verdict", "POST", () => $"/api/v1/complaints/{_complaint}/verdict", GridHost.Reporter,
            () => new JsonObject { ["substantiated"] = true }, () => Merchant, () => [_complaint]),
        Json("complaints/resolve", "POST", () => $"/api/v1/complaints/{_complaint}/resolve", GridHost.Reporter, () => null, () => Merchant, () => [_complaint]),
        new("emergencies", () =>
        {
            var id = Fresh("inc");
            return (new FuzzTemplate("POST", "/api/v1/emergencies", GridHost.Emergency, Incident(id), []), new FuzzTarget("incident", id));
        }),
        Json("emergencies/warning", "POST", () => $"/api/v1/emergencies/{_incident}/warning", GridHost.Emergency,
            () => new JsonObject { ["level"] = 3 }, () => IncidentTarget, () => [_incident]),
        Json("emergencies/response", "POST", () => $"/api/v1/emergencies/{_incident}/response", GridHost.Emergency,
            () => new JsonObject { ["level"] = 4 }, () => IncidentTarget, () => [_incident]),
        Json("emergencies/releases", "POST", () => $"/api/v1/emergencies/{_incident}/releases", GridHost.Emergency,
            () => new JsonObject { ["kind"] = "authoritative", ["at"] = "2026-11-28T01:00:00Z" }, () => IncidentTarget, () => [_incident]),
        Json("emergencies/lift", "POST", () => $"/api/v1/emergencies/{_incident}/warning/lift", GridHost.Emergency, () => null, () => IncidentTarget, () => [_incident]),
        Json("emergencies/end", "POST", () => $"/api/v1/emergencies/{_incident}/end", GridHost.Emergency, () => null, () => IncidentTarget, () => [_incident],
            _ => NewIncident()),
        new("form /m/{id}/complaints", () => (new FuzzTemplate("POST", $"/m/{_merchant}/complaints", null, null, [_merchant], Form: true), Merchant)),
    ];

    private Task RememberFinding(string sent)
    {
        if (Sent(sent) is { } body && body.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array
            && findings.GetArrayLength() > 0 && StringOf(findings[0], "findingId") is { } id)
            _finding = id;
        return Task.CompletedTask;
    }

    private Task RememberComplaint(string answer)
    {
        if (Sent(answer) is { } body && StringOf(body, "complaintId") is { } id) _complaint = id;
        return Task.CompletedTask;
    }

    /// <summary>The JSON object of a body or answer, or null (it may be HTML, broken, or carry duplicate keys).</summary>
    private static JsonElement? Sent(string json)
    {
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            return root.ValueKind == JsonValueKind.Object ? root : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringOf(JsonElement element, string property)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The target's version: a subject's `version`, an incident's status and history length; "absent" when unknown.</summary>
    public async Task<string> Version(FuzzTarget target)
    {
        var path = target.Kind == "incident" ? $"/api/v1/emergencies/{target.Id}" : $"/api/v1/subjects/{target.Kind}/{target.Id}";
        using var response = await _grid.Client(target.Kind == "incident" ? GridHost.Emergency : GridHost.Operator).GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound) return "absent";
        if (response.StatusCode != HttpStatusCode.OK) return $"status {(int)response.StatusCode}";
        var body = await response.Body();
        return target.Kind == "incident"
            ? $"{body.GetProperty("status").GetString()}|{body.GetProperty("history").GetArrayLength()}"
            : body.GetProperty("version").GetInt64().ToString();
    }

    /// <summary>
    /// After a success: waits until every event it accepted is applied (or rejected) so later version checks see a quiet
    /// subject, then lets the endpoint remember what it created. True when something was accepted.
    /// </summary>
    public async Task<bool> Settle(FuzzEndpoint endpoint, FuzzRequest request, string answer)
    {
        var accepted = new List<string>();
        if (Sent(answer) is { } root && endpoint.Name.StartsWith("events", StringComparison.Ordinal))
        {
            if (root.TryGetProperty("results", out var results))
                accepted.AddRange(results.EnumerateArray()
                    .Where(r => r.GetProperty("statusCode").GetInt32() is 200 or 202).Select(r => StringOf(r, "eventId")).OfType<string>());
            else if (StringOf(root, "eventId") is { } id)
                accepted.Add(id);
        }
        foreach (var eventId in accepted)
        {
            for (var i = 0; i < 200; i++)
            {
                using var status = await _grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{Uri.EscapeDataString(eventId)}");
                if ((await status.Body()).GetProperty("status").GetString() != "accepted") break;
                await Task.Delay(20);
            }
        }
        if (endpoint.OnSuccess is { } remember)
            await remember(endpoint.Name == "inspections" && request.Body is { } body ? System.Text.Encoding.UTF8.GetString(body) : answer);
        return accepted.Count > 0;
    }
}
