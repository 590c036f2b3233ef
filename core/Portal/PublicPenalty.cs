using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Portal;

/// <summary>A 行政处罚 record as 双公示 publishes it (domain-rules §9, L483), kept with the dossier and projected to public_penalty.</summary>
[GenerateSerializer, Immutable]
public sealed record PublicPenalty(
    [property: Id(0)] string RecordId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Department,
    [property: Id(3)] string? DecisionRef,
    [property: Id(4)] DateOnly OccurredAt,
    [property: Id(5)] DateOnly? ExpiresAt,
    [property: Id(6)] bool Late);

public static class PublicPenalties
{
    /// <summary>The annex group of the penalty rows (附件 指标体系 · 行政处罚信息).</summary>
    public const string Group = "行政处罚信息";

    /// <summary>§9 双公示: penalties are published for the period they count; persons and officials never (L2439).</summary>
    public static List<PublicPenalty>? Of(SubjectKind kind, Evaluation e) => Of(kind, e.Records);

    /// <summary>The same rows from the score-only evaluation a save makes (issue 16).</summary>
    public static List<PublicPenalty>? Of(SubjectKind kind, Standing s) => Of(kind, s.Records);

    private static List<PublicPenalty>? Of<TRecord>(SubjectKind kind, IReadOnlyList<TRecord> records) where TRecord : IRecordFacts
    {
        if (!PublicFacts.IsPublicKind(kind)) return null;
        List<PublicPenalty>? list = null;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Group == Group && PublicFacts.Counts(r.Status) && r.DerivedFrom is null)
                (list ??= []).Add(new PublicPenalty(r.RecordId, r.Name, r.Department, r.ActionRef, r.OccurredAt, r.ExpiresAt, r.Late));
        }
        return list;
    }
}
