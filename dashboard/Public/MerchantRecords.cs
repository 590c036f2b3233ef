using System.Globalization;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Records;

namespace CreditGrid.Dashboard.Public;

/// <summary>A commitment as the public merchant page shows it (domain-rules §9: commitments are public facts).</summary>
public sealed record PublicCommitment(string Kind, string Text, DateOnly SignedAt, string Department, bool Breached);

/// <summary>
/// The licences and commitments of a merchant's page (L3335 许可信息; domain-rules §9-§10), read from their tables: the
/// licences valid today (a merchant's are its enterprise's, same code), the commitments with their status from the dossier.
/// </summary>
public static class MerchantRecords
{
    private const int Shown = 50;

    public static async Task<(IReadOnlyList<string> Licences, IReadOnlyList<PublicCommitment> Commitments)> Load(
        string merchantId, IGrainFactory grains, ILicenceRegistry licences, ICommitmentRegistry commitments, DateOnly today, CancellationToken ct)
    {
        // §9 双公示: a licence is published while it is valid (validTo null = 长期).
        var valid = (await licences.List(merchantId, 1, Shown, ct)).Items
            .Where(l => l.ValidFrom <= today && (l.ValidTo is not { } to || to >= today))
            .Select(l => $"{l.Name}（{l.Number}）· {l.Department} · 有效期 {Day(l.ValidFrom)} 至 {(l.ValidTo is { } to ? Day(to) : "长期")}")
            .ToList();
        var signed = (await commitments.List(merchantId, 1, Shown, ct)).Items;
        if (signed.Count == 0) return (valid, []);
        var records = (await grains.Records(SubjectKind.Enterprise, merchantId).View(null))?.Evaluation.Records ?? [];
        return (valid, [.. signed.Select(c => new PublicCommitment(c.Kind, c.Text, c.SignedAt, c.Department,
            CommitmentStatus.Of(c, records).Status == CommitmentStatus.Breached))]);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
