using CreditGrid.Core.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Extensions;

/// <summary>JSON as the contract wants it: camelCase, Chinese returned as-is, enums as camelCase strings, instants in UTC with Z.</summary>
public static class ApiJson
{
    public static IServiceCollection AddCreditGridJson(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o => Apply(o.SerializerOptions));

    public static void Apply(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        o.Converters.Add(new UtcInstant.Converter());
    }

    /// <summary>http-api Conventions: an instant is ISO 8601 UTC with Z (core/Json/UtcInstant.cs).</summary>
    public static string Instant(DateTimeOffset at) => UtcInstant.Format(at);
}
