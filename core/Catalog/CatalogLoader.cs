using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CreditGrid.Core.Catalog;

/// <summary>Reads the catalogue files and refuses bad data, naming the entry (docs/catalogue.md).</summary>
public static partial class CatalogLoader
{
    public static readonly string[] Files = ["enterprise", "official", "person"];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly HashSet<string> Levels = ["district", "city", "province", "national", "other"];
    private static readonly HashSet<string> RuleTypes = ["progressive", "tiers", "perUnit", "perReport"];

    public static IndicatorCatalog LoadEmbedded()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        var files = Files.ToDictionary(f => f, f => ReadResource(assembly, $"CreditGrid.Core.Catalog.{f}.json"));
        return Load(files);
    }

    /// <summary>Loads catalogue texts keyed by kind name ("enterprise" → JSON array text) and validates them.</summary>
    public static IndicatorCatalog Load(IReadOnlyDictionary<string, string> jsonByKind)
    {
        var entries = new List<CatalogEntry>();
        foreach (var (kind, text) in jsonByKind)
        {
            CatalogEntry[] list;
            try
            {
                list = JsonSerializer.Deserialize<CatalogEntry[]>(text, Json) ?? throw new CatalogException($"{kind}.json: empty");
            }
            catch (JsonException ex)
            {
                throw new CatalogException($"{kind}.json: not a valid catalogue file: {ex.Message}");
            }
            foreach (var e in list)
            {
                if (e.Kind != kind) throw new CatalogException($"{e.Code}: kind '{e.Kind}' in {kind}.json");
                entries.Add(e);
            }
        }
        Validate(entries);
        return new IndicatorCatalog(entries);
    }

    private static void Validate(List<CatalogEntry> entries)
    {
        var byCode = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!CodePattern().IsMatch(e.Code)) throw new CatalogException($"{e.Code}: code must match ^[EOP]-[A-Z0-9-]+$ for its kind");
            if (!byCode.TryAdd(e.Code, e)) throw new CatalogException($"{e.Code}: duplicate code");
            ValidateEntry(e);
        }
        foreach (var dup in entries.GroupBy(e => (e.Kind, e.Group, e.Name)).Where(g => g.Count() > 1))
            throw new CatalogException($"{dup.Last().Code}: (group, name) ('{dup.Key.Group}', '{dup.Key.Name}') is not unique in {dup.Key.Kind}: also {dup.First().Code}");
        foreach (var e in entries)
        {
            CheckTarget(byCode, e, e.BandOf, "bandOf", t => t.Kind == e.Kind && t.AmountRule is not null);
            CheckTarget(byCode, e, e.PersonRow, "personRow", t => t.Kind == "person" && t.Reportable);
            // L2439: only honours and severe-list rows are carried to persons (Rules.JointRewardAndPunishment).
            if (e.PersonRow is not null && !Rules.JointRewardAndPunishment.Reaches(e))
                throw new CatalogException($"{e.Code}: personRow is only for 表彰奖励/通报表扬 and severe-list rows (L2439 联奖联罚)");
            CheckTarget(byCode, e, e.EnterpriseRow, "enterpriseRow", t => t.Kind == "enterprise" && t.Reportable && e.Kind == "person");
            CheckTarget(byCode, e, e.RepairReplacement, "repairReplacement", t => t.Kind == e.Kind && t.IsSanction);
        }
        foreach (var cap in entries.Where(e => e.YearlyCapGroup is not null).GroupBy(e => e.YearlyCapGroup))
        {
            if (cap.Select(e => e.YearlyCap).Distinct().Count() != 1 || cap.First().YearlyCap is not > 0)
                throw new CatalogException($"{cap.First().Code}: yearlyCapGroup '{cap.Key}' needs one positive yearlyCap on every entry");
        }
    }

    private static void ValidateEntry(CatalogEntry e)
    {
        string Bad(string why) => $"{e.Code}: {why}";
        var expectedPrefix = e.Kind switch { "enterprise" => "E-", "official" => "O-", "person" => "P-", _ => throw new CatalogException(Bad($"unknown kind '{e.Kind}'")) };
        if (!e.Code.StartsWith(expectedPrefix, StringComparison.Ordinal)) throw new CatalogException(Bad($"code must start with {expectedPrefix}"));
        if (string.IsNullOrWhiteSpace(e.Name) || string.IsNullOrWhiteSpace(e.Group) || string.IsNullOrWhiteSpace(e.Category))
            throw new CatalogException(Bad("name, group and category are required"));
        if (e.Name.Any(char.IsWhiteSpace) || e.Group.Any(char.IsWhiteSpace)) throw new CatalogException(Bad("name and group carry no whitespace"));
        if (e.Polarity is not ("commendation" or "sanction")) throw new CatalogException(Bad($"polarity '{e.Polarity}'"));
        if (e.SeedLine <= 0) throw new CatalogException(Bad("seedLine must be a positive line number"));

        var sign = e.IsCommendation ? 1 : -1;
        if (e.AmountRule is not null)
        {
            // An amount rule scores by its bands; it may keep the seed's printed value (新时代文明实践 "+1" per 10 hours).
            if (e.MinPoints is not { } lo || e.MaxPoints is not { } hi || lo != 0 || hi <= 0)
                throw new CatalogException(Bad("an amount-rule entry needs minPoints 0 and maxPoints = its most points a year"));
        }
        else if (e.Points is { } p)
        {
            if (e.MinPoints is not null || e.MaxPoints is not null) throw new CatalogException(Bad("points and minPoints/maxPoints are exclusive"));
            if (p * sign < 0 || (p == 0 && !e.Downgrade)) throw new CatalogException(Bad($"points {p} do not match polarity {e.Polarity}"));
        }
        else
        {
            if (e.MinPoints is not { } min || e.MaxPoints is not { } max || min > max)
                throw new CatalogException(Bad("a row without points needs minPoints ≤ maxPoints"));
            if (e.IsCommendation ? min < 0 : max > 0) throw new CatalogException(Bad($"range {min}..{max} does not match polarity {e.Polarity}"));
        }
        if (e.IsCommendation != (e.Level is not null)) throw new CatalogException(Bad("level is required for commendations and absent for sanctions"));
        if (e.Level is not null && !Levels.Contains(e.Level)) throw new CatalogException(Bad($"level '{e.Level}'"));
        if (e.SevereList && !e.Downgrade) throw new CatalogException(Bad("a severe-list row downgrades"));
        if (e.BandOf is not null && e.Reportable) throw new CatalogException(Bad("band rows are not reportable"));
        if (e.AmountRule is { } rule)
        {
            if (!e.Reportable) throw new CatalogException(Bad("an amount-rule entry is reportable"));
            ValidateRule(e, rule);
        }
        if (e.YearlyCapGroup is null != e.YearlyCap is null) throw new CatalogException(Bad("yearlyCapGroup and yearlyCap go together"));
    }

    private static void ValidateRule(CatalogEntry e, AmountRule r)
    {
        string Bad(string why) => $"{e.Code}: amountRule {why}";
        if (!RuleTypes.Contains(r.Type)) throw new CatalogException(Bad($"type '{r.Type}'"));
        if (r.Unit is not ("yuan" or "hours")) throw new CatalogException(Bad($"unit '{r.Unit}'"));
        switch (r.Type)
        {
            case "progressive":
                if (r.MaxPerBand is not > 0 || r.Cash is not { Count: > 0 }) throw new CatalogException(Bad("progressive needs maxPerBand and cash bands"));
                CheckBands(r.Cash, Bad);
                if (r.Goods is not null) CheckBands(r.Goods, Bad);
                break;
            case "tiers":
                if (r.Tiers is not { Count: > 0 } || r.Tiers.Zip(r.Tiers.Skip(1)).Any(p => p.First.AtLeast >= p.Second.AtLeast || p.First.Points >= p.Second.Points))
                    throw new CatalogException(Bad("tiers must rise in hours and points"));
                break;
            case "perUnit":
                if (r.Per is not > 0 || r.Points is not > 0) throw new CatalogException(Bad("perUnit needs per > 0 and points > 0"));
                break;
            case "perReport":
                if (r.Bands is not { Count: > 0 } || r.Bands.Zip(r.Bands.Skip(1)).Any(p => p.First.UpTo is null || p.First.UpTo >= p.Second.From))
                    throw new CatalogException(Bad("perReport bands must be ordered and disjoint"));
                break;
        }
    }

    private static void CheckBands(IReadOnlyList<ProgressiveBand> bands, Func<string, string> bad)
    {
        for (var i = 0; i < bands.Count; i++)
        {
            var last = i == bands.Count - 1;
            if (bands[i].PerPoint <= 0 || (bands[i].UpTo is null) != last || (i > 0 && bands[i].UpTo <= bands[i - 1].UpTo))
                throw new CatalogException(bad("bands must rise, with an open last band"));
        }
    }

    private static void CheckTarget(Dictionary<string, CatalogEntry> byCode, CatalogEntry e, string? target, string field, Func<CatalogEntry, bool> ok)
    {
        if (target is null) return;
        if (!byCode.TryGetValue(target, out var t)) throw new CatalogException($"{e.Code}: {field} '{target}' does not exist");
        if (!ok(t)) throw new CatalogException($"{e.Code}: {field} '{target}' is not a valid target");
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new CatalogException($"resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[EOP]-[A-Z0-9-]+$")]
    private static partial Regex CodePattern();
}
