using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreditGrid.Silo.Storage;

/// <summary>JSON for what the project stores in its own tables (events in the intake log).</summary>
public static class GridJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
