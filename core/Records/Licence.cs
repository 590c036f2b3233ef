namespace CreditGrid.Core.Records;

/// <summary>
/// An administrative licence (行政许可) as the licensing department reported it (谁许可谁录入, http-api "Department desk").
/// Its own record, never a scoring one: a licence changes no score. A licence on a merchant is its enterprise's (§1).
/// </summary>
public sealed record Licence(
    string LicenceId,
    SubjectKind SubjectKind,
    string SubjectId,
    string Name,
    string Number,
    string? Content,
    DateOnly DecidedAt,
    DateOnly ValidFrom,
    /// <summary>null = 长期 (open-ended).</summary>
    DateOnly? ValidTo,
    string Department,
    DateOnly ReportedAt,
    /// <summary>L483 双公示: reported more than 7 days after the decision.</summary>
    bool Late);

/// <summary>What an idempotent write of a licence or commitment did (the same rule as events: same body 200, other body 409).</summary>
public enum RecordWrite
{
    Created,
    Same,
    Conflict,
}

/// <summary>One page of a list (http-api Conventions) before it is mapped to its JSON items.</summary>
public sealed record PageOf<T>(long Total, IReadOnlyList<T> Items);

/// <summary>The licences table: durable on its own (no grain holds licences); its write also counts the department's 双公示.</summary>
public interface ILicenceRegistry
{
    /// <summary>Stores a new licence and counts it in the department's timeliness, in one transaction; a repeat is answered from what is stored.</summary>
    Task<(RecordWrite Outcome, Licence Stored)> Add(Licence licence, string bodyHash, CancellationToken ct = default);

    /// <summary>Newest decision first; <paramref name="subjectId"/> null = all.</summary>
    Task<PageOf<Licence>> List(string? subjectId, int page, int pageSize, CancellationToken ct = default);
}
