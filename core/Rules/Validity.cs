using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Rules;

/// <summary>Why a record lasts as long as it does (rendered with its seed line by <see cref="Explanations"/>).</summary>
[GenerateSerializer]
public enum ValidityBasis
{
    OfficialOneYear,
    OfficialSerious,
    Downgrade,
    SanctionUpTo40,
    Sanction41To199,
    Sanction200Plus,
    DistrictHonour,
    CityHonour,
    ProvinceHonour,
    NationalHonour,
    OtherCommendation,
}

/// <summary>How long a record counts (domain-rules §5).</summary>
public static class Validity
{
    public static (int Years, ValidityBasis Basis) YearsFor(SubjectKind kind, CatalogEntry entry, int basePoints, int? requestedYears)
    {
        // L1495: officials one year; two where the credit centre decides the case is serious.
        if (kind == SubjectKind.Official)
            return requestedYears == 2 ? (2, ValidityBasis.OfficialSerious) : (1, ValidityBasis.OfficialOneYear);
        // Persons L2467-L2468; enterprises the same (interpretation, domain-rules §5).
        if (entry.Downgrade) return (5, ValidityBasis.Downgrade);
        if (entry.IsSanction)
        {
            var lost = Math.Abs(basePoints);
            return lost <= 40 ? (1, ValidityBasis.SanctionUpTo40)
                : lost < 200 ? (2, ValidityBasis.Sanction41To199)
                : (3, ValidityBasis.Sanction200Plus);
        }
        return entry.Level switch
        {
            "district" => (1, ValidityBasis.DistrictHonour),
            "city" => (2, ValidityBasis.CityHonour),
            "province" => (3, ValidityBasis.ProvinceHonour),
            "national" => (5, ValidityBasis.NationalHonour),
            _ => (1, ValidityBasis.OtherCommendation),
        };
    }

    /// <summary>L2470: continuing dishonesty counts from the day the behaviour ended.</summary>
    public static DateOnly ClockStart(CreditRecord record) => record.EndedAt ?? record.OccurredAt;
}
