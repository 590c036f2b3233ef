namespace CreditGrid.Core.Citations;

/// <summary>
/// One policy paper of the seed (shared README, "Where each policy paper sits"): its title as people cite it, the seed
/// lines it spans, its indicator annex if it has one, and its provisions (articles or numbered sections) by first line.
/// Data in core/Citations/papers.json; the line numbers are for developers and never shown.
/// </summary>
public sealed record Paper
{
    public required string Key { get; init; }
    /// <summary>The document number, e.g. 张政字〔2021〕87号.</summary>
    public required string DocNo { get; init; }
    /// <summary>The title without 《》, e.g. 张店区市场主体公共信用评价管理办法（试行）.</summary>
    public required string Title { get; init; }
    public required int FirstLine { get; init; }
    public required int LastLine { get; init; }
    public Annex? Annex { get; init; }
    /// <summary>In seed order; a provision runs from its line to the line before the next one (or the annex, or the end).</summary>
    public required IReadOnlyList<Provision> Provisions { get; init; }

    public string Cited => "《" + Title + "》";

    public bool Contains(int line) => FirstLine <= line && line <= LastLine;
}

/// <summary>A paper's indicator table: the short name used in citations (附件 指标体系) and its full title.</summary>
public sealed record Annex(string Name, string Title, int FirstLine, int LastLine)
{
    public bool Contains(int line) => FirstLine <= line && line <= LastLine;
}

/// <summary>An article (第十八条) or numbered section (三、（五）; 4.4.4 信息发布与舆论引导) and the seed line it starts on.</summary>
public sealed record Provision(int Line, string Cite);
