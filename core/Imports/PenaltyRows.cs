using System.Globalization;
using System.Text.RegularExpressions;
using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Imports;

/// <summary>The kinds of 行政处罚 a 双公示 file names (行政处罚法 2021 第九条), as §11 maps them.</summary>
public enum PenaltyKind
{
    Notice, Fine, Confiscation, LicenceSuspended, QualificationDowngraded, LicenceRevoked, SuspendProduction, Closure,
    BusinessRestricted, PracticeRestricted, Detention, Other,
}

/// <summary>An amount band of the catalogue: amounts above the previous band's edge up to <see cref="UpTo"/> (null = open).</summary>
public sealed record PenaltyBand(decimal? UpTo, string Code, string Name);

/// <summary>
/// domain-rules §11: the 行政处罚信息 rows of one table (enterprise L1080-L1194, person L2950-L3094), found by the
/// names the catalogue holds — the band edges read from those names as the seed prints them (1万元及以下, 1万元至10万元（含）,
/// 10万元以上) — never by point values. Checked at first use: every kind resolves to one row, bands rise.
/// </summary>
public sealed partial class PenaltyRows
{
    private readonly Dictionary<PenaltyKind, string> _fixed = [];
    private readonly Dictionary<PenaltyKind, string> _lasting = [];

    public IReadOnlyList<PenaltyBand> Fines { get; }
    public IReadOnlyList<PenaltyBand> Confiscations { get; }
    /// <summary>Persons only: bands of 拘留天数 (5日及以下, 6至10日, 11日及以上); empty for enterprises.</summary>
    public IReadOnlyList<PenaltyBand> Detentions { get; }
    /// <summary>The 其他行政处罚 range row: points decided on the desk.</summary>
    public CatalogEntry Other { get; }

    private PenaltyRows(IndicatorCatalog catalog, SubjectKind kind)
    {
        var rows = catalog.Of(kind).Where(e => e.Group == "行政处罚信息" && e.Reportable).ToList();
        CatalogEntry One(Func<CatalogEntry, bool> match, string what)
        {
            var found = rows.Where(match).ToList();
            return found.Count == 1 ? found[0] : throw new CatalogException($"{kind.ToWire()}: {found.Count} 行政处罚 rows match '{what}' (need 1)");
        }
        _fixed[PenaltyKind.Notice] = One(e => e.Name.Contains("通报批评"), "通报批评").Code;
        _fixed[PenaltyKind.LicenceSuspended] = One(e => e.Name.Contains("暂扣许可证件"), "暂扣许可证件").Code;
        _fixed[PenaltyKind.QualificationDowngraded] = One(e => e.Name.Contains("降低资质等级"), "降低资质等级").Code;
        _fixed[PenaltyKind.LicenceRevoked] = One(e => e.Name.Contains("吊销许可证件"), "吊销许可证件").Code;
        _fixed[PenaltyKind.SuspendProduction] = One(e => e.Name.Contains("责令停产停业"), "责令停产停业").Code;
        _fixed[PenaltyKind.Closure] = One(e => e.Name.Contains("责令关闭"), "责令关闭").Code;
        _fixed[PenaltyKind.BusinessRestricted] = One(e => e.Name.Contains("限制开展生产经营活动") && !e.Name.Contains("永久"), "限制开展生产经营活动").Code;
        _lasting[PenaltyKind.BusinessRestricted] = One(e => e.Name.Contains("永久限制开展生产经营活动"), "永久限制开展生产经营活动").Code;
        _fixed[PenaltyKind.PracticeRestricted] = One(e => e.Name.Contains("限制从业") && !e.Name.Contains("终身"), "限制从业").Code;
        _lasting[PenaltyKind.PracticeRestricted] = One(e => e.Name.Contains("终身限制从业"), "终身限制从业").Code;
        Other = One(e => e.Name.Contains("其他行政处罚"), "其他行政处罚");
        if (!Other.IsRange) throw new CatalogException($"{Other.Code}: the 其他行政处罚 row is expected to be a range row");
        Fines = Bands(rows.Where(e => e.Name.Contains("罚款")), "元", kind);
        Confiscations = Bands(rows.Where(e => e.Name.Contains("没收违法所得")), "元", kind);
        Detentions = kind == SubjectKind.Person ? Bands(rows.Where(e => e.Name.Contains("拘留")), "日", kind) : [];
    }

    private static readonly Lazy<PenaltyRows> EnterpriseRows = new(() => new PenaltyRows(IndicatorCatalog.Default, SubjectKind.Enterprise));
    private static readonly Lazy<PenaltyRows> PersonRows = new(() => new PenaltyRows(IndicatorCatalog.Default, SubjectKind.Person));

    /// <summary>The rows of the enterprise table (法人及非法人组织, 个体工商户) or the person table (自然人).</summary>
    public static PenaltyRows For(SubjectKind kind) => kind == SubjectKind.Person ? PersonRows.Value : EnterpriseRows.Value;

    /// <summary>A fixed row of the kind; <paramref name="lasting"/> (永久/终身) picks the −400 rows of 限制开展生产经营活动 / 限制从业.</summary>
    public string? Fixed(PenaltyKind kind, bool lasting) =>
        lasting && _lasting.TryGetValue(kind, out var code) ? code : _fixed.GetValueOrDefault(kind);

    /// <summary>The band holding <paramref name="amount"/>: the first whose edge is at or above it (edges inclusive, 含).</summary>
    public static PenaltyBand Band(IReadOnlyList<PenaltyBand> bands, decimal amount) =>
        bands.First(b => b.UpTo is not { } edge || amount <= edge);

    /// <summary>
    /// Band rows ordered by their edge, read from the names: "…10万元以上…" / "…11日及以上…" is the open top band; otherwise
    /// the last amount printed is the band's upper edge (1万元及以下 → 10,000; 500元-1000元（含） → 1,000; 5001元至1万元（含） → 10,000).
    /// </summary>
    private static List<PenaltyBand> Bands(IEnumerable<CatalogEntry> rows, string unit, SubjectKind kind)
    {
        var bands = rows.Select(e =>
        {
            var amounts = AmountPattern().Matches(e.Name).Where(m => m.Groups[3].Value == unit).Select(Value).ToList();
            if (amounts.Count == 0) throw new CatalogException($"{e.Code}: no amount in '{e.Name}'");
            return new PenaltyBand(e.Name.Contains("以上") ? null : amounts[^1], e.Code, e.Name);
        }).OrderBy(b => b.UpTo ?? decimal.MaxValue).ToList();
        if (bands.Count < 2 || bands.Count(b => b.UpTo is null) != 1 || bands.Select(b => b.UpTo).Distinct().Count() != bands.Count)
            throw new CatalogException($"{kind.ToWire()}: the {unit} bands do not rise to one open top band");
        return bands;
    }

    private static decimal Value(Match m)
    {
        var n = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value == "万" ? n * 10_000 : n;
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(万?)(元|日)")]
    private static partial Regex AmountPattern();
}
