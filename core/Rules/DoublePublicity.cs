using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>L483 双公示: licence and penalty information is due within 7 days of the decision; later is accepted and flagged late.</summary>
public static class DoublePublicity
{
    /// <summary>Penalty records are the credit records that 双公示 covers (licences are not credit records here).</summary>
    public static bool Applies(CatalogEntry entry) => entry.Group == "行政处罚信息";

    public static bool IsLate(CatalogEntry entry, DateOnly occurredAt, DateOnly reportedAt, RulesOptions options) =>
        Applies(entry) && reportedAt > occurredAt.AddDays(options.PublicityDays);

    /// <summary>L483: a licence (行政许可) is due within the same 7 days of its decision (http-api "Department desk").</summary>
    public static bool LicenceIsLate(DateOnly decidedAt, DateOnly reportedAt, RulesOptions options) =>
        reportedAt > decidedAt.AddDays(options.PublicityDays);
}
