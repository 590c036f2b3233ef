using System.Text.Json;
using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>
/// The seed's texts of what a grade or star level means for the subject (domain-rules §4):
/// enterprise supervision L805-L808, official incentives and penalties L1515-L1531, person incentives L2472-L2483.
/// Data in core/Catalog/consequences.json.
/// </summary>
public sealed class Consequences
{
    private sealed record Item(string Kind, string[] AppliesTo, int SeedLine, string Text);

    private static readonly Lazy<Consequences> DefaultValue = new(() =>
        new Consequences(CatalogLoader.ReadResource(typeof(Consequences).Assembly, "CreditGrid.Core.Catalog.consequences.json")));

    private readonly Item[] _items;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(SubjectKind, string), IReadOnlyList<string>> _cache = new();

    public Consequences(string json)
    {
        _items = JsonSerializer.Deserialize<Item[]>(json, CatalogLoader.Json) ?? [];
        foreach (var i in _items)
        {
            if (string.IsNullOrWhiteSpace(i.Text) || i.SeedLine <= 0 || i.AppliesTo.Length == 0)
                throw new CatalogException($"consequences.json: bad item at seed line {i.SeedLine}");
        }
    }

    public static Consequences Default => DefaultValue.Value;

    /// <summary>Texts for a kind and a key: enterprise category, official stars ("1".."6"), person level.</summary>
    public IReadOnlyList<string> For(SubjectKind kind, string key) =>
        _cache.GetOrAdd((kind.ScoredAs(), key), k =>
        {
            var wire = k.Item1.ToWire();
            return [.. _items.Where(i => i.Kind == wire && i.AppliesTo.Contains(k.Item2)).Select(i => i.Text)];
        });
}
