using System.Collections.Frozen;

namespace CreditGrid.Core.Catalog;

/// <summary>The validated indicator catalogue of all kinds (domain-rules §2). Immutable; load once.</summary>
public sealed class IndicatorCatalog
{
    private static readonly Lazy<IndicatorCatalog> DefaultCatalog = new(CatalogLoader.LoadEmbedded);

    private readonly FrozenDictionary<string, CatalogEntry> _byCode;
    private readonly FrozenDictionary<SubjectKind, IReadOnlyList<CatalogEntry>> _byKind;
    private readonly FrozenDictionary<string, int> _capLines;

    internal IndicatorCatalog(IReadOnlyList<CatalogEntry> entries)
    {
        _byCode = entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        _byKind = entries
            .GroupBy(e => KindOf(e))
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<CatalogEntry>)g.ToArray());
        _capLines = entries.Where(e => e.YearlyCapGroup is not null)
            .GroupBy(e => e.YearlyCapGroup!)
            .ToFrozenDictionary(g => g.Key, g => g.Min(e => e.SeedLine));
        _institution = [.. entries.Where(FitsInstitution).OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.SeedLine)];
    }

    /// <summary>The catalogue shipped in this assembly (core/Catalog/*.json).</summary>
    public static IndicatorCatalog Default => DefaultCatalog.Value;

    public IReadOnlyList<CatalogEntry> All => [.. _byCode.Values.OrderBy(e => e.Kind).ThenBy(e => e.SeedLine)];

    /// <summary>Entries of a kind in seed order; a merchant is scored with the enterprise table (§1).</summary>
    public IReadOnlyList<CatalogEntry> Of(SubjectKind kind) =>
        kind == SubjectKind.Institution ? _institution
        : _byKind.TryGetValue(kind.ScoredAs(), out var list) ? list : [];

    /// <summary>
    /// What an institution may be given (http-api "Institutions and unit honours"): the person-table 表彰信息 and
    /// 通报表扬信息 rows as unit honours (L2458-L2462), and the enterprise table's severe-list rows (联奖联罚, L2439).
    /// </summary>
    private readonly IReadOnlyList<CatalogEntry> _institution;

    /// <summary>Whether an institution may hold a record on this row.</summary>
    public static bool FitsInstitution(CatalogEntry e) =>
        (e.Kind == "person" && Rules.UnitHonours.IsHonourRow(e.Code)) || (e.Kind == "enterprise" && e.SevereList && e.Reportable);

    /// <summary>The seed line of the row carrying a yearly cap's 备注 (the first row of its cap group).</summary>
    public int CapSeedLine(string capGroup) => _capLines.GetValueOrDefault(capGroup);

    public bool TryGet(string code, out CatalogEntry entry) => _byCode.TryGetValue(code, out entry!);

    public CatalogEntry Get(string code) =>
        _byCode.TryGetValue(code, out var e) ? e : throw new KeyNotFoundException($"unknown indicator '{code}'");

    internal static SubjectKind KindOf(CatalogEntry e) =>
        SubjectKinds.TryParse(e.Kind, out var k) ? k : throw new CatalogException($"{e.Code}: unknown kind '{e.Kind}'");
}
