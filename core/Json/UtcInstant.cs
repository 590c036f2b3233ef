using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreditGrid.Core.Json;

/// <summary>http-api Conventions: an instant is ISO 8601 UTC, <c>2026-11-28T10:00:00Z</c> (fractions only when there are any); the HTTP API and the hub write it alike.</summary>
public static class UtcInstant
{
    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes every DateTimeOffset as <see cref="Format"/>; reads any ISO 8601 instant.</summary>
    public sealed class Converter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Format(value));
    }
}
