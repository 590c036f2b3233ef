using System.Globalization;
using System.Text;

namespace CreditGrid.Benchmarks.Harness;

/// <summary>
/// Writes each scenario's table into the Markdown file between &lt;!-- bench:NAME --&gt; and &lt;!-- /bench:NAME --&gt;
/// (appended when the markers are missing), so text around the tables survives a re-run.
/// </summary>
public static class Report
{
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CreditGrid.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>Full runs write docs/benchmarks.md; tiny runs (CI) write beside the scratch data unless --out says otherwise.</summary>
    public static string Target(Options o) =>
        o.Out ?? (o.Tiny ? Path.Combine(o.Scratch, "benchmarks-tiny.md") : Path.Combine(RepositoryRoot(), "docs", "benchmarks.md"));

    public static string Header(Options o, Machine machine, double load) =>
        $"_Written {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (end of the scenario) · `{o.CommandLine}` · size {o.Size} · " +
        $"load average at start {load.ToString("F2", CultureInfo.InvariantCulture)}_  \n_Machine: {machine.Markdown()}_\n";

    public static void Write(string file, string scenario, string block)
    {
        var begin = $"<!-- bench:{scenario} -->";
        var end = $"<!-- /bench:{scenario} -->";
        var text = File.Exists(file) ? File.ReadAllText(file) : "# CreditGrid benchmarks\n";
        var section = $"{begin}\n{block.TrimEnd()}\n{end}";
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i
            ? text[..i] + section + text[(j + end.Length)..]
            : text.TrimEnd() + $"\n\n{section}\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, text);
    }
}

/// <summary>A Markdown table built row by row.</summary>
public sealed class Table(params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object?[] cells) => _rows.Add([.. cells.Select(c => c switch
    {
        null => "—",
        double d when double.IsNaN(d) => "—",
        double d => d.ToString(d >= 100 ? "N0" : d >= 10 ? "N1" : "N2", CultureInfo.InvariantCulture),
        long l => l.ToString("N0", CultureInfo.InvariantCulture),
        int n => n.ToString("N0", CultureInfo.InvariantCulture),
        _ => c.ToString()!.Replace("|", "\\|", StringComparison.Ordinal),
    })]);

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", columns).AppendLine(" |");
        sb.Append('|').AppendJoin("|", columns.Select(_ => " --- ")).AppendLine("|");
        foreach (var r in _rows) sb.Append("| ").AppendJoin(" | ", r).AppendLine(" |");
        return sb.ToString();
    }
}
