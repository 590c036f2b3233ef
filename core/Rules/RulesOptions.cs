namespace CreditGrid.Core.Rules;

/// <summary>The numbers domain-rules.md marks as configurable; defaults are the seed's (or the documented interpretation).</summary>
public sealed record RulesOptions
{
    public static RulesOptions Default { get; } = new();

    /// <summary>L483 双公示: licence and penalty information is due within 7 days of the decision.</summary>
    public int PublicityDays { get; init; } = 7;
}
