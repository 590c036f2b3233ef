using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>Helpers of the licence, commitment and check tests: bodies and the Chinese-problem assertion.</summary>
public static class DeskCalls
{
    public static object Licence(string subjectId, string? licenceId = null, string subjectKind = "enterprise", string decidedAt = "2026-11-25",
        string validFrom = "2026-11-25", string? validTo = "2031-11-24", string name = "食品经营许可证", string number = "JY13703030012345") =>
        new { licenceId = licenceId ?? "lic-" + Guid.NewGuid().ToString("N"), subjectKind, subjectId, name, number, content = "预包装食品销售", decidedAt, validFrom, validTo };

    public static object Commitment(string subjectId, string? commitmentId = null, string subjectKind = "enterprise", string kind = "诚信经营", string signedAt = "2026-11-20") =>
        new { commitmentId = commitmentId ?? "cm-" + Guid.NewGuid().ToString("N"), subjectKind, subjectId, kind, text = "守法诚信经营，不销售假冒伪劣商品。", signedAt };

    public static Task<HttpResponseMessage> Post(this GridHost grid, string path, object body, string key = GridHost.Reporter) =>
        grid.Client(key).PostAsync(path, Calls.Json(body));

    public static async Task<JsonElement> List(this GridHost grid, string path, string key = GridHost.Reporter)
    {
        var response = await grid.Client(key).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }

    /// <summary>A problem document with the status, naming the field, its message in Chinese (http-api Conventions).</summary>
    public static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        var message = body.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.True(message.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"the message for '{field}' is not Chinese: {message}");
        Assert.DoesNotContain("CreditGrid.", text);
    }
}
