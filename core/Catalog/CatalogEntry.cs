using System.Text.Json.Serialization;

namespace CreditGrid.Core.Catalog;

/// <summary>One row of a seed indicator table (domain-rules §2); the fields are documented in docs/catalogue.md.</summary>
public sealed record CatalogEntry
{
    public required string Code { get; init; }
    public required string Kind { get; init; }
    public required string Category { get; init; }
    public required string Group { get; init; }
    public required string Name { get; init; }
    public int? Points { get; init; }
    public int? MinPoints { get; init; }
    public int? MaxPoints { get; init; }
    public required string Polarity { get; init; }
    public bool SevereList { get; init; }
    public bool Downgrade { get; init; }
    public string? Level { get; init; }
    public bool Reportable { get; init; }
    public string? BandOf { get; init; }
    public AmountRule? AmountRule { get; init; }
    public string? YearlyCapGroup { get; init; }
    public int? YearlyCap { get; init; }
    public string? PersonRow { get; init; }
    /// <summary>Person rows: the enterprise row a legal representative's listing records on the enterprise (§6, L1059-L1062).</summary>
    public string? EnterpriseRow { get; init; }
    public string? RepairReplacement { get; init; }
    public int SeedLine { get; init; }

    [JsonIgnore] public bool IsCommendation => Polarity == "commendation";
    [JsonIgnore] public bool IsSanction => Polarity == "sanction";
    /// <summary>A range row (§3 rule 2): the event states its points inside [MinPoints, MaxPoints].</summary>
    [JsonIgnore] public bool IsRange => Points is null && AmountRule is null;
    /// <summary>A row worth its fixed points whatever the event says.</summary>
    [JsonIgnore] public bool IsFixed => Points is not null && AmountRule is null;
}

/// <summary>How an amount-rule entry turns yuan or hours into points (domain-rules §3.4).</summary>
public sealed record AmountRule
{
    /// <summary>progressive | tiers | perUnit | perReport</summary>
    public required string Type { get; init; }
    /// <summary>yuan | hours</summary>
    public required string Unit { get; init; }
    public int? MaxPerBand { get; init; }
    public IReadOnlyList<ProgressiveBand>? Cash { get; init; }
    public IReadOnlyList<ProgressiveBand>? Goods { get; init; }
    public IReadOnlyList<HourTier>? Tiers { get; init; }
    public decimal? Per { get; init; }
    public int? Points { get; init; }
    public IReadOnlyList<ReportBand>? Bands { get; init; }
}

public sealed record ProgressiveBand(decimal? UpTo, decimal PerPoint);
public sealed record HourTier(decimal AtLeast, int Points);
public sealed record ReportBand(decimal From, decimal? UpTo, int Points);
