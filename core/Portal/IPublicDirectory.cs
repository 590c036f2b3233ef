namespace CreditGrid.Core.Portal;

/// <summary>
/// What the 信用张店 portal reads from the durable projections (architecture "Projections"): the street colour of the
/// merchants among a page of enterprises (subject_summary), and the 诚信红黑榜 (public_list).
/// </summary>
public interface IPublicDirectory
{
    /// <summary>The street colour of each id that is also a merchant (same code, §1).</summary>
    Task<IReadOnlyDictionary<string, string>> MerchantColors(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>One page of the red or black list, newest first (since), then by name.</summary>
    Task<(long Total, IReadOnlyList<PublicListItem> Items)> List(string list, int page, int pageSize, CancellationToken ct = default);

    /// <summary>
    /// 双公示 (L483): licences decided since <paramref name="from"/> and valid on <paramref name="today"/>, or penalties
    /// decided since then that count today; newest first.
    /// </summary>
    Task<(long Total, IReadOnlyList<PublicityItem> Items)> Publicity(string type, DateOnly from, DateOnly today, int page, int pageSize, CancellationToken ct = default);
}

/// <summary>
/// One 双公示 line: a licence (number, validity) or a penalty (decision reference, counted until), with <c>late</c> when
/// it was reported more than 7 days after the decision (L483).
/// </summary>
public sealed record PublicityItem(
    string Type, string Id, string SubjectKind, string SubjectId, string? SubjectName, string Name, string? DecisionRef, string Department,
    DateOnly DecidedAt, DateOnly? ValidFrom, DateOnly? Until, bool Late);

/// <summary>
/// One line of the 诚信红黑榜 (http-api: kind, id, name, grade, reason, since, recordId). An official of the red list's
/// 表彰公示 is shown by name, unit and stars only (L1520): its id is null.
/// </summary>
public sealed record PublicListItem(
    string Kind, string? Id, string? Name, string? Grade, string? Reason, DateOnly Since, string? RecordId, string? Unit, int? Stars);
