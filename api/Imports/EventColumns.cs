using System.Globalization;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Validation;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Imports;

/// <summary>
/// The `events` format: one column per field of POST /api/v1/events, named as the JSON names them. An unknown column
/// is refused like an unknown JSON field (400 at upload, naming it); empty cells are absent fields.
/// </summary>
public sealed class EventColumns
{
    public static readonly string[] Fields =
        ["eventId", "subjectKind", "subjectId", "indicator", "occurredAt", "endedAt", "actionRef", "points", "amount", "amountKind",
         "validityYears", "note", "honourScope", "simplifiedProcedure", "minorCorrected", "penaltyKind"];

    private static readonly string[] Required = ["eventId", "subjectKind", "subjectId", "indicator", "occurredAt"];

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public EventColumns(string[] header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0) continue;
            if (!Fields.Contains(header[i]))
                throw Invalid.Field(StatusCodes.Status400BadRequest, "file", $"未知的列“{header[i]}”：events 格式的列为 POST /api/v1/events 的字段名。",
                    $"Unknown column '{header[i]}': the columns of the events format are the fields of POST /api/v1/events.");
            if (!_index.TryAdd(header[i], i))
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "file", $"列“{header[i]}”出现了两次。", $"The column '{header[i]}' appears twice.");
        }
        var missing = Required.Where(c => !_index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "file", $"文件缺少列：{string.Join("、", missing)}。", $"The file lacks the columns {string.Join(", ", missing)}.");
    }

    public RowDraft Map(FileRow row)
    {
        var draft = new RowDraft(row.Row);
        string? S(string f) => _index.TryGetValue(f, out var i) && i < row.Cells.Length ? row.Cells[i] : null;
        int? Int(string f)
        {
            var s = S(f);
            if (s is null) return null;
            if (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
            draft.Error(f, $"'{f}' 应为整数 (must be an integer)。", $"'{f}' must be an integer.");
            return null;
        }
        bool? Bool(string f)
        {
            var s = S(f)?.ToLowerInvariant();
            if (s is null) return null;
            if (s is "true" or "false") return s == "true";
            draft.Error(f, $"'{f}' 应为 true 或 false (must be true or false)。", $"'{f}' must be true or false.");
            return null;
        }
        decimal? amount = null;
        if (S("amount") is { } a)
        {
            if (decimal.TryParse(a, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) amount = d;
            else draft.Error("amount", "'amount' 应为数字 (must be a number)。", "'amount' must be a number.");
        }
        var request = new EventRequest(S("eventId"), S("subjectKind"), S("subjectId"), S("indicator"), S("occurredAt"), S("endedAt"), S("actionRef"),
            Int("points"), amount, S("amountKind"), Int("validityYears"), S("note"), S("honourScope"), Bool("simplifiedProcedure"), Bool("minorCorrected"), S("penaltyKind"));
        if (!draft.HasErrors) draft.Events.Add(new DraftEvent(request));
        return draft;
    }
}
