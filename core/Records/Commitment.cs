using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Records;

/// <summary>
/// A credit commitment (信用承诺书, domain-rules §10; 86号 L405, L416, L446; 87号 L784; 90号 L3334): kind, text, signed date
/// and the receiving department. Whether it is breached is not stored here: it is read from the subject's dossier
/// (<see cref="CommitmentStatus"/>), so a revoked breach record makes it active again and nothing needs rebuilding.
/// </summary>
public sealed record Commitment(
    string CommitmentId,
    SubjectKind SubjectKind,
    string SubjectId,
    string Kind,
    string Text,
    DateOnly SignedAt,
    string Department,
    DateOnly RegisteredAt);

/// <summary>The commitments table (durable on its own: only this table holds commitments).</summary>
public interface ICommitmentRegistry
{
    Task<(RecordWrite Outcome, Commitment Stored)> Add(Commitment commitment, string bodyHash, CancellationToken ct = default);

    Task<Commitment?> Find(string commitmentId, CancellationToken ct = default);

    /// <summary>Newest signature first; <paramref name="subjectId"/> null = all.</summary>
    Task<PageOf<Commitment>> List(string? subjectId, int page, int pageSize, CancellationToken ct = default);
}

/// <summary>active | breached, derived from the records of the commitment's subject (http-api "Department desk").</summary>
public static class CommitmentStatus
{
    public const string Active = "active";
    public const string Breached = "breached";

    /// <summary>承诺书 kinds the desk offers (http-api "Department desk").</summary>
    public static readonly IReadOnlyList<string> Kinds = ["诚信经营", "告知承诺", "信用修复", "其他"];

    /// <summary>The E-PLEDGE-* rows (虚假承诺 / 违反信用承诺, enterprise table) that may name a commitment.</summary>
    public static bool IsPledgeRow(string indicator) => indicator.StartsWith("E-PLEDGE-", StringComparison.Ordinal);

    /// <summary>
    /// A commitment is breached while a record of its subject names it and is not revoked (L817: a revoked record is as
    /// if it never was; an upheld objection revokes too). Repaired or expired breach records still show the breach: repair
    /// ends the record's effect on the score, not the fact (Interpretation, docs/licences-commitments-checks.md).
    /// The subject's own records only: a record fanned out to a legal representative is not its breach.
    /// </summary>
    public static (string Status, string? BreachedBy) Of(Commitment commitment, IEnumerable<RecordEvaluation> records)
    {
        var breach = records
            .Where(r => r.CommitmentRef == commitment.CommitmentId && r.DerivedFrom is null && r.Status != RecordStatus.Revoked)
            .OrderBy(r => r.OccurredAt).ThenBy(r => r.RecordId, StringComparer.Ordinal)
            .FirstOrDefault();
        return breach is null ? (Active, null) : (Breached, breach.RecordId);
    }

    /// <summary>The commitment and the event's subject are one: a merchant's records live on the enterprise of its code (§1).</summary>
    public static bool SameSubject(Commitment commitment, SubjectKind kind, string id) =>
        commitment.SubjectKind.ScoredAs() == kind.ScoredAs() && commitment.SubjectId == id;
}
