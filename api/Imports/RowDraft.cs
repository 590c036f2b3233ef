using System.Security.Cryptography;
using System.Text;
using CreditGrid.Api.Contracts;
using CreditGrid.Core.Imports;

namespace CreditGrid.Api.Imports;

/// <summary>One event a file row maps to; <see cref="NeedsPoints"/> for the 其他行政处罚 range row (held, §11).</summary>
public sealed record DraftEvent(EventRequest Request, bool NeedsPoints = false);

/// <summary>
/// A file row mapped to event requests, before the event validator has seen them: the errors the mapping itself found,
/// keyed by the file's column, and why the row is held, if it is.
/// </summary>
public sealed class RowDraft(int row)
{
    public int Row { get; } = row;
    public List<DraftEvent> Events { get; } = [];
    public Dictionary<string, List<string>> Zh { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<string>> En { get; } = new(StringComparer.Ordinal);
    public (string Zh, string En)? Held { get; set; }
    /// <summary>Event field → the file column it came from, so the validator's messages name the column the clerk sees.</summary>
    public Dictionary<string, string> Columns { get; } = new(StringComparer.Ordinal);

    public bool HasErrors => Zh.Count > 0;

    public void Error(string column, string zh, string en)
    {
        (Zh.TryGetValue(column, out var z) ? z : Zh[column] = []).Add(zh);
        (En.TryGetValue(column, out var e) ? e : En[column] = []).Add(en);
    }

    public string ColumnOf(string field) => Columns.GetValueOrDefault(field, field);

    public RowErrors? Errors() =>
        Zh.Count == 0 ? null : new RowErrors(Zh.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), En.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
}

/// <summary>
/// Event ids of imported rows (http-api "Department desk"): derived from department + subject + decision number +
/// penalty kind, so the same file imported twice makes the same ids and the intake adds nothing. A SHA-256 in hex
/// keeps the id inside 1-128 characters of [A-Za-z0-9._:-] and carries no personal identifier.
/// </summary>
public static class ImportIds
{
    public static string For(string department, string subjectKind, string subjectId, string decision, string penaltyKind) =>
        "imp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{department}\n{subjectKind}\n{subjectId}\n{decision}\n{penaltyKind}")))[..48];
}
