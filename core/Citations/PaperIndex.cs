using System.Text.Json;
using System.Text.RegularExpressions;
using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Citations;

/// <summary>
/// Seed line → paper and provision (domain-rules §9 "Citations for people"): the one place that turns the seed lines the
/// code cites into what people read, 《paper》第十八条 or 《paper》附件 指标体系 · 行政处罚信息. Loaded from
/// core/Citations/papers.json and validated when first used (the silo touches it at start through RulesEngine.Default).
/// </summary>
public sealed partial class PaperIndex
{
    private static readonly Lazy<PaperIndex> DefaultIndex = new(() =>
        Load(CatalogLoader.ReadResource(typeof(PaperIndex).Assembly, "CreditGrid.Core.Citations.papers.json")));

    private sealed record File(IReadOnlyList<Paper> Papers);

    private readonly IReadOnlyList<Paper> _papers;

    private PaperIndex(IReadOnlyList<Paper> papers) => _papers = papers;

    /// <summary>The index shipped in this assembly.</summary>
    public static PaperIndex Default => DefaultIndex.Value;

    public IReadOnlyList<Paper> Papers => _papers;

    /// <summary>Reads and validates a papers file: papers apart and in order, provisions rising inside their paper and outside its annex, Chinese labels.</summary>
    public static PaperIndex Load(string json)
    {
        File file;
        try
        {
            file = JsonSerializer.Deserialize<File>(json, CatalogLoader.Json) ?? throw new CitationException("papers.json: empty");
        }
        catch (JsonException ex)
        {
            throw new CitationException($"papers.json: not a valid papers file: {ex.Message}");
        }
        if (file.Papers is not { Count: > 0 }) throw new CitationException("papers.json: no papers");
        Paper? previous = null;
        foreach (var p in file.Papers)
        {
            string Bad(string why) => $"papers.json: paper {p.Key}: {why}";
            if (string.IsNullOrWhiteSpace(p.Key) || string.IsNullOrWhiteSpace(p.Title) || string.IsNullOrWhiteSpace(p.DocNo)) throw new CitationException(Bad("key, docNo and title are required"));
            if (p.FirstLine <= 0 || p.LastLine < p.FirstLine) throw new CitationException(Bad($"lines {p.FirstLine}-{p.LastLine}"));
            if (previous is not null && p.FirstLine <= previous.LastLine) throw new CitationException(Bad($"overlaps paper {previous.Key}"));
            if (p.Annex is { } a && (a.FirstLine < p.FirstLine || a.LastLine > p.LastLine || a.LastLine < a.FirstLine || !PeopleText(a.Name) || string.IsNullOrWhiteSpace(a.Title)))
                throw new CitationException(Bad("the annex must lie inside the paper and have a Chinese name"));
            if (p.Provisions is not { Count: > 0 }) throw new CitationException(Bad("no provisions"));
            var last = 0;
            foreach (var v in p.Provisions)
            {
                if (!p.Contains(v.Line) || p.Annex?.Contains(v.Line) == true) throw new CitationException(Bad($"provision at line {v.Line} is outside the paper's text"));
                if (v.Line <= last) throw new CitationException(Bad($"provision at line {v.Line} is not after line {last}"));
                if (!PeopleText(v.Cite)) throw new CitationException(Bad($"provision at line {v.Line}: '{v.Cite}' is not a Chinese label"));
                last = v.Line;
            }
            previous = p;
        }
        return new PaperIndex(file.Papers);
    }

    /// <summary>The paper a seed line belongs to.</summary>
    public Paper PaperAt(int line) =>
        _papers.FirstOrDefault(p => p.Contains(line)) ?? throw new CitationException($"seed line {line} is in no paper of papers.json");

    /// <summary>The provision a seed line belongs to, or null for lines of the annex or before the first provision.</summary>
    public Provision? ProvisionAt(int line)
    {
        var p = PaperAt(line);
        if (p.Annex?.Contains(line) == true) return null;
        return p.Provisions.LastOrDefault(v => v.Line <= line);
    }

    /// <summary>What people read for a seed line: 《paper》第十八条, 《paper》附件 指标体系, or 《paper》.</summary>
    public string At(int line)
    {
        var (paper, rest) = Part(line, group: null);
        return paper.Cited + rest;
    }

    /// <summary>A catalogue row: 《paper》附件 指标体系 · 行政处罚信息 (a row outside the annex cites its article).</summary>
    public string Row(int seedLine, string group)
    {
        var (paper, rest) = Part(seedLine, group);
        return paper.Cited + rest;
    }

    /// <summary>The paper of a line and what follows its title: the provision, or the annex row.</summary>
    internal (Paper Paper, string Tail) Part(int line, string? group)
    {
        var p = PaperAt(line);
        if (p.Annex is { } a && a.Contains(line)) return (p, "附件 " + a.Name + (group is null ? "" : " · " + group));
        return (p, ProvisionAt(line)?.Cite ?? "");
    }

    /// <summary>Every rule line cites a provision, every catalogue row its table's annex (or an article of that paper): checked at start.</summary>
    public void Check(IndicatorCatalog catalog, IEnumerable<int> ruleLines)
    {
        foreach (var line in ruleLines)
        {
            if (!_papers.Any(p => p.Contains(line)) || ProvisionAt(line) is null)
                throw new CitationException($"rule seed line {line} is in no article or section of papers.json");
        }
        foreach (var e in catalog.All)
        {
            Paper p;
            try
            {
                p = PaperAt(e.SeedLine);
            }
            catch (CitationException)
            {
                throw new CitationException($"{e.Code}: seed line {e.SeedLine} is in no paper of papers.json");
            }
            if (p.Annex is null) throw new CitationException($"{e.Code}: seed line {e.SeedLine} is in {p.DocNo}, which has no indicator table");
            if (!p.Annex.Contains(e.SeedLine) && ProvisionAt(e.SeedLine) is null) throw new CitationException($"{e.Code}: seed line {e.SeedLine} is in no article of {p.DocNo}");
        }
    }

    /// <summary>Text people read: no seed line number and no ASCII word (digits and Chinese punctuation are fine).</summary>
    public static bool PeopleText(string? text) => !string.IsNullOrWhiteSpace(text) && !AsciiWord().IsMatch(text);

    [GeneratedRegex("[A-Za-z]{2,}|L[0-9]+")]
    private static partial Regex AsciiWord();
}
