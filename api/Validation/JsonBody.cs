using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>Reads a request body with a size limit and strict JSON: malformed, wrong types or unknown fields → 400; too large → 413.</summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public sealed class TooLarge(string message) : Exception(message);

    public static async Task<JsonDocument> Read(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) throw new TooLarge($"The body is larger than {limit} bytes.");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > limit) throw new TooLarge($"The body is larger than {limit} bytes.");
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonDocument.Parse(buffer.ToArray());
        }
        catch (JsonException ex)
        {
            throw Invalid.Field(StatusCodes.Status400BadRequest, "body", $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Binds one JSON value to a request type; errors name the field.</summary>
    public static T Bind<T>(JsonElement element, string at = "body")
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw Invalid.Field(StatusCodes.Status400BadRequest, at, "Expected a JSON object.");
        try
        {
            return element.Deserialize<T>(Strict) ?? throw Invalid.Field(StatusCodes.Status400BadRequest, at, "Expected a JSON object.");
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? at : ex.Path.TrimStart('$', '.');
            throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"Wrong type or unknown field: {ex.Message}");
        }
    }

    public static async Task<T> ReadAs<T>(HttpRequest request, long limit)
    {
        using var doc = await Read(request, limit);
        return Bind<T>(doc.RootElement);
    }
}
