using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>
/// Reads a request body with a size limit and strict JSON (http-api Conventions: JSON, UTF-8, camelCase fields):
/// not JSON content → 415; malformed, wrong types, unknown fields, other casing of a field, duplicate keys → 400;
/// too large → 413. Every JSON endpoint reads its body here, so the rules hold for all of them.
/// </summary>
public static class JsonBody
{
    /// <summary>
    /// Binding options. Built from the web defaults (camelCase) but case-sensitive: the contract names the fields,
    /// "EventId" is not "eventId" (issue 11 item 4). Duplicate keys are refused: which of two values counts would be
    /// the parser's choice, not the caller's. Serialising with these options (the event hash) is unaffected.
    /// </summary>
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        PropertyNameCaseInsensitive = false,
        AllowDuplicateProperties = false,
    };

    /// <summary>The body is larger than the endpoint takes: 413 with a problem document.</summary>
    public sealed class TooLarge(Bilingual text) : Exception(text.En)
    {
        public Bilingual Text { get; } = text;

        public static TooLarge Bytes(long limit) => new(new($"请求体超过 {limit} 字节。", $"The body is larger than {limit} bytes."));
    }

    /// <summary>The body is not JSON (Content-Type): 415 with a problem document.</summary>
    public sealed class UnsupportedMediaType(Bilingual text) : Exception(text.En)
    {
        public Bilingual Text { get; } = text;
    }

    public static async Task<JsonDocument> Read(HttpRequest request, long limit)
    {
        RequireJson(request);
        if (request.ContentLength > limit) throw TooLarge.Bytes(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge.Bytes(limit);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            // Duplicate keys are checked when an object is bound (Strict), so a batch element with one is that element's 400.
            return JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException)
        {
            throw Invalid.Field(StatusCodes.Status400BadRequest, "body", "请求体不是有效的 JSON。", "The body is not valid JSON.");
        }
    }

    /// <summary>
    /// http-api Conventions: JSON in UTF-8. application/json or any +json type; a charset other than UTF-8 is refused
    /// too (the bytes would be read as UTF-8 anyway).
    /// </summary>
    private static void RequireJson(HttpRequest request)
    {
        var ok = request.HasJsonContentType()
            && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
        if (!ok)
            throw new UnsupportedMediaType(new($"请求体应为 UTF-8 编码的 application/json，收到的是“{Shorten(request.ContentType ?? "")}”。",
                $"The body must be application/json in UTF-8; got '{Shorten(request.ContentType ?? "")}'."));
    }

    /// <summary>Binds one JSON value to a request type; errors name the field and never a .NET type (http-api Conventions).</summary>
    public static T Bind<T>(JsonElement element, string at = "body")
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Invalid.Field(StatusCodes.Status400BadRequest, at, "应为 JSON 对象。", "Expected a JSON object.");
        try
        {
            return element.Deserialize<T>(Strict) ?? throw Invalid.Field(StatusCodes.Status400BadRequest, at, "应为 JSON 对象。", "Expected a JSON object.");
        }
        catch (JsonException ex)
        {
            throw Invalid.Field(StatusCodes.Status400BadRequest, FieldOf(ex.Path, at), Explain(ex, FieldOf(ex.Path, at)));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Strings the reader cannot turn into text (invalid UTF-8, a lone surrogate escape) and values out of range.
            throw Invalid.Field(StatusCodes.Status400BadRequest, at, "包含无效的字符串或数值。", "Contains an invalid string or number.");
        }
    }

    public static async Task<T> ReadAs<T>(HttpRequest request, long limit)
    {
        using var doc = await Read(request, limit);
        return Bind<T>(doc.RootElement);
    }

    /// <summary>The string value of a property, or null when it is absent, not a string, or not valid text (never throws).</summary>
    public static string? StringOrNull(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>What was wrong, in the caller's terms: the serializer's own messages name .NET types.</summary>
    private static Bilingual Explain(JsonException ex, string field) => ex.Message switch
    {
        var m when m.StartsWith("Duplicate property", StringComparison.Ordinal) => new($"字段“{field}”重复出现。", $"'{field}' appears more than once."),
        var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
            new($"未知字段“{field}”；字段名区分大小写（camelCase）。", $"Unknown field '{field}'; field names are case-sensitive camelCase."),
        _ => new($"“{field}”类型错误或不是有效的值。", $"'{field}' has the wrong type or is not a valid value."),
    };

    /// <summary>The field the serializer stopped at ("$.findings[0].deadline" → "findings[0].deadline"); odd names fall back to <paramref name="at"/>.</summary>
    private static string FieldOf(string? path, string at)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return at;
        var field = path.TrimStart('$', '.');
        return field.Length <= 100 && field.All(c => c is >= ' ' and <= '~') ? field : at;
    }

    private static string Shorten(string s) => s.Length <= 100 ? s : s[..100] + "…";
}
