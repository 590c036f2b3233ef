using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Dashboard.Hub;

/// <summary>Payloads of the hub methods, exactly as the contract names their fields.</summary>
public static class HubMessages
{
    public sealed record ScoreChanged(string Kind, string Id, int Score, int? PreviousScore, string? Grade, int? Stars, string? Color, string? EventId, DateTimeOffset At);

    public sealed record MerchantStatusChanged(string MerchantId, string? Name, string? Street, string? Color, string? PreviousColor, string? Grade, int Score, DateTimeOffset At);

    /// <summary>Persons and officials are always masked on the dashboard (http-api Conventions).</summary>
    public static ScoreChanged Score(EvaluationChange c) => new(
        c.Kind.ToWire(), c.Kind.IsNaturalPerson() ? ResidentId.Mask(c.Id) : c.Id, c.Score, c.PreviousScore, c.Grade, c.Stars, c.Color, c.EventId, c.At);

    /// <summary>The incident's JSON object with "change" added (camelCase, as the REST endpoint writes it).</summary>
    public static System.Text.Json.Nodes.JsonObject Emergency(Core.Emergency.IncidentChange c)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(c.Incident, Web)!.AsObject();
        json["change"] = c.Change;
        return json;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static MerchantStatusChanged Merchant(EvaluationChange c) => new(c.Id, c.Name, c.Street, c.Color, c.PreviousColor, c.Grade, c.Score, c.At);
}
