using System.Data.Common;
using System.Text.Json;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// One accepted event as the intake stores it (an intake_events row and its record_index row), shared by SQLite's
/// per-row statements and PostgreSQL's set-based ones so both store the same values.
/// </summary>
public sealed record IntakeRow(string EventId, string BodyHash, string Department, string Kind, string SubjectId, string Payload,
    string RecordId, string RecordIdsJson, string IndexKind)
{
    public static IntakeRow Of(IntakeItem item)
    {
        var e = item.Event;
        var recordId = RecordIds.For(e.EventId);
        return new IntakeRow(e.EventId, item.BodyHash, e.Department, e.SubjectKind.ToWire(), e.SubjectId,
            JsonSerializer.Serialize(e, GridJson.Options), recordId, JsonSerializer.Serialize(new[] { recordId }),
            e.SubjectKind.ScoredAs().ToWire());
    }

    /// <summary>The answer for an event this request stored.</summary>
    public static IntakeResult Accepted(CreditEvent e) =>
        new(e.EventId, IntakeDisposition.Accepted,
            new EventStatus(e.EventId, EventState.Accepted, e.SubjectKind, e.SubjectId, e.Department, [RecordIds.For(e.EventId)], null));

    /// <summary>The answer for an event id already stored: the same body is a duplicate, another body a conflict.</summary>
    public static IntakeResult Existing(IntakeItem item, string storedHash, EventStatus stored) =>
        new(item.Event.EventId, storedHash == item.BodyHash ? IntakeDisposition.Duplicate : IntakeDisposition.Conflict, stored);

    /// <summary>The columns of a stored event: body_hash, state, subject_kind, subject_id, department, record_ids, reason.</summary>
    public const string StatusColumns = "body_hash, state, subject_kind, subject_id, department, record_ids, reason";

    /// <summary>Reads <see cref="StatusColumns"/> from the reader's first seven columns.</summary>
    public static (string Hash, EventStatus Status) StatusOf(DbDataReader reader, string eventId)
    {
        SubjectKinds.TryParse(reader.GetString(2), out var kind);
        var records = reader.IsDBNull(5) ? [] : JsonSerializer.Deserialize<string[]>(reader.GetString(5)) ?? [];
        var status = new EventStatus(eventId, StateOf(reader.GetString(1)), kind, reader.GetString(3), reader.GetString(4), records,
            reader.IsDBNull(6) ? null : reader.GetString(6));
        return (reader.GetString(0), status);
    }

    public static string Wire(EventState s) => s.ToString().ToLowerInvariant();

    public static EventState StateOf(string s) => s switch
    {
        "applied" => EventState.Applied,
        "rejected" => EventState.Rejected,
        "delivered" => EventState.Delivered,
        _ => EventState.Accepted,
    };
}
