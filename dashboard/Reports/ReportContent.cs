using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;
using CreditGrid.Core.Reports;
using CreditGrid.Core.Rules;

namespace CreditGrid.Dashboard.Reports;

/// <summary>One paragraph of a report: a heading, a key line, body text or a small note.</summary>
public enum BlockStyle
{
    Title,
    Heading,
    Line,
    Note,
}

public sealed record ReportBlock(BlockStyle Style, string Text);

/// <summary>
/// The text of a credit report (domain-rules §9 信用报告): identity, evaluation on asOf, every record that counts with its
/// explanation and citation, consequences, licences and commitments. The public report holds public facts only (no
/// score, only active records: revoked, repaired and expired ones disappear, §9); the full report holds everything
/// the evaluation has, each record with its status.
/// </summary>
public static class ReportContent
{
    public static IReadOnlyList<ReportBlock> Build(SubjectView view, ReportAudience audience, string reportNo, DateTimeOffset issuedAt,
        string verifyUrl, IReadOnlyList<Licence> licences, IReadOnlyList<PublicCommitmentLine> commitments)
    {
        var e = view.Evaluation;
        var full = audience == ReportAudience.Full;
        var blocks = new List<ReportBlock>
        {
            new(BlockStyle.Title, full ? "张店区公共信用报告（完整版）" : "张店区公共信用报告（公开版）"),
            new(BlockStyle.Line, $"报告编号：{reportNo}"),
            new(BlockStyle.Line, $"出具时间：{Instant(issuedAt)}"),
            new(BlockStyle.Line, $"评价日期：{Day(e.AsOf)}"),
            new(BlockStyle.Heading, "一、主体信息"),
            new(BlockStyle.Line, $"名称：{view.Name ?? "（未登记名称）"}"),
            new(BlockStyle.Line, $"主体类型：{SubjectKinds.ChineseName(view.Kind)}"),
            new(BlockStyle.Line, $"{(view.Kind.IsNaturalPerson() ? "公民身份号码" : "统一社会信用代码")}：{view.Id}"),
        };
        if (view.Street is { Length: > 0 } street) blocks.Add(new(BlockStyle.Line, $"所在街区：{street}"));
        if (view.Unit is { Length: > 0 } unit) blocks.Add(new(BlockStyle.Line, $"工作单位：{unit}"));

        blocks.Add(new(BlockStyle.Heading, "二、信用评价"));
        if (view.Kind == SubjectKind.Institution)
            blocks.Add(new(BlockStyle.Line, "机关事业单位和社会组织不参与评分，以下列示其信用记录。"));
        else
        {
            // §9 第二十九条: the public sees grade and category, never the score.
            if (full) blocks.Add(new(BlockStyle.Line, $"信用分：{e.Score}"));
            if (e.Grade is { } grade) blocks.Add(new(BlockStyle.Line, $"信用等级：{grade}"));
            if (e.Category is { } category) blocks.Add(new(BlockStyle.Line, $"信用类别：{category}"));
            if (e.Stars is { } stars) blocks.Add(new(BlockStyle.Line, $"星级：{stars}星"));
            if (e.Downgraded) blocks.Add(new(BlockStyle.Line, "该主体因严重失信或刑事处罚记录直接降为D级。"));
        }
        if (view.Color is { } color) blocks.Add(new(BlockStyle.Line, $"街区信用颜色：{ColorName(color)}"));

        var records = full ? e.Records : [.. e.Records.Where(r => r.Status == RecordStatus.Active)];
        blocks.Add(new(BlockStyle.Heading, full ? "三、信用记录（全部）" : "三、计入评价的信用记录"));
        if (records.Count == 0) blocks.Add(new(BlockStyle.Line, "评价日期当日无计入评价的信用记录。"));
        var n = 0;
        foreach (var r in records)
        {
            n++;
            var dates = $"{Day(r.OccurredAt)} 至 {(r.ExpiresAt is { } until ? Day(until) : "长期")}";
            blocks.Add(new(BlockStyle.Line, $"{n}. {r.Group} · {r.Name}"));
            blocks.Add(new(BlockStyle.Note, $"认定部门：{r.Department}　决定文书：{r.ActionRef ?? "无"}　有效期：{dates}" + (full ? $"　状态：{StatusName(r.Status)}" : "")));
            blocks.Add(new(BlockStyle.Note, $"说明：{r.Explanation}"));
            blocks.Add(new(BlockStyle.Note, $"依据：{r.Citation}"));
        }

        blocks.Add(new(BlockStyle.Heading, "四、信用后果"));
        if (e.Consequences.Count == 0) blocks.Add(new(BlockStyle.Line, "无。"));
        foreach (var c in e.Consequences) blocks.Add(new(BlockStyle.Line, c));

        blocks.Add(new(BlockStyle.Heading, "五、行政许可与信用承诺"));
        if (licences.Count == 0 && commitments.Count == 0) blocks.Add(new(BlockStyle.Line, "无。"));
        foreach (var l in licences)
            blocks.Add(new(BlockStyle.Line, $"许可：{l.Name}（{l.Number}）· {l.Department} · 有效期 {Day(l.ValidFrom)} 至 {(l.ValidTo is { } to ? Day(to) : "长期")}"));
        foreach (var c in commitments)
            blocks.Add(new(BlockStyle.Line, $"承诺：{c.Kind} · {c.Department} · {Day(c.SignedAt)} 签署 · {(c.Breached ? "已违反" : "履行中")}"));

        blocks.Add(new(BlockStyle.Heading, "六、报告核验"));
        blocks.Add(new(BlockStyle.Line, $"扫描二维码或访问 {verifyUrl} 核验本报告的出具记录与 SHA-256 摘要。"));
        blocks.Add(new(BlockStyle.Note, "本报告依据《张店区市场主体公共信用评价管理办法（试行）》出具，反映评价日期当日的公共信用信息。"));
        return blocks;
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string ColorName(string color) => color switch
    {
        "red" => "红色",
        "blue" => "蓝色",
        "yellow" => "黄色",
        "black" => "黑色",
        _ => color,
    };

    private static string StatusName(RecordStatus s) => s switch
    {
        RecordStatus.Active => "计入",
        RecordStatus.Expired => "已过期",
        RecordStatus.Pending => "待生效",
        RecordStatus.Revoked => "已撤销",
        RecordStatus.Repaired => "已修复",
        RecordStatus.Superseded => "已被吸收",
        RecordStatus.Objected => "异议处理中",
        _ => s.ToString(),
    };
}

/// <summary>A commitment line of a report (domain-rules §10): kind, receiving department, signed date, breached or not.</summary>
public sealed record PublicCommitmentLine(string Kind, string Department, DateOnly SignedAt, bool Breached);
