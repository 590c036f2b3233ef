using CreditGrid.Api.Validation;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Imports;

/// <summary>
/// The national 行政处罚 双公示 columns (http-api "Department desk") found in a file's header. Amount headers may carry
/// a unit suffix: （万元）/(万元) or none = 万元 as the standard writes them, （元）/(元) = yuan (domain-rules §11).
/// </summary>
public sealed class PunishmentColumns
{
    public const string Name = "行政相对人名称";
    public const string Category = "行政相对人类别";
    public const string Uscc = "统一社会信用代码";
    public const string IdNumber = "证件号码";
    public const string Decision = "行政处罚决定书文号";
    public const string Kinds = "处罚类别";
    public const string Fine = "罚款金额";
    public const string Confiscated = "没收违法所得、没收非法财物的金额";
    public const string DetentionDays = "拘留天数";
    public const string DecidedAt = "处罚决定日期";
    public const string Remarks = "备注";
    /// <summary>Not among the required columns; read when present (永久/终身 may be written there, §11).</summary>
    public const string Content = "处罚内容";

    public static readonly string[] Required = [Name, Category, Uscc, IdNumber, Decision, Kinds, Fine, Confiscated, DecidedAt, Remarks];
    private static readonly string[] Optional = [DetentionDays, Content];

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Amount columns in yuan (suffix 元) rather than 万元.</summary>
    public bool FineInYuan { get; }
    public bool ConfiscatedInYuan { get; }

    public PunishmentColumns(string[] header)
    {
        for (var i = 0; i < header.Length; i++)
        {
            var (name, unit) = Split(header[i]);
            if (!Required.Contains(name) && !Optional.Contains(name)) continue;
            if (!_index.TryAdd(name, i))
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "file", $"列“{name}”出现了两次。", $"The column '{name}' appears twice.");
            if (name == Fine) FineInYuan = unit == "元";
            if (name == Confiscated) ConfiscatedInYuan = unit == "元";
        }
        var missing = Required.Where(c => !_index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "file",
                $"文件缺少列：{string.Join("、", missing)}（行政处罚双公示数据格式）。",
                $"The file lacks the columns {string.Join(", ", missing)} of the national 行政处罚 双公示 format.");
    }

    public string? this[FileRow row, string column] =>
        _index.TryGetValue(column, out var i) && i < row.Cells.Length ? row.Cells[i] : null;

    /// <summary>"罚款金额（万元）" → ("罚款金额", "万元"); "罚款金额(元)" → ("罚款金额", "元"); no suffix → unit null.</summary>
    private static (string Name, string? Unit) Split(string header)
    {
        foreach (var (open, close) in new[] { ('（', '）'), ('(', ')') })
        {
            if (!header.EndsWith(close)) continue;
            var at = header.LastIndexOf(open);
            if (at <= 0) continue;
            var unit = header[(at + 1)..^1].Trim();
            if (unit is "万元" or "元") return (header[..at].Trim(), unit);
        }
        return (header, null);
    }
}
