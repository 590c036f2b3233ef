using System.Security.Cryptography;

namespace CreditGrid.Core.Grid;

/// <summary>
/// http-api "Subjects" search: <c>q</c> (any part of the name, 1-2 characters by name prefix, or the start of the
/// identifier) and the filters; null fields do not filter. Page from 1.
/// </summary>
public sealed record SearchQuery(
    string? Q, SubjectKind? Kind, string? Grade, string? Color, string? Street, bool? Downgraded, int Page, int PageSize)
{
    /// <summary>Several kinds at once (the portal's lookup: enterprises and institutions, domain-rules §9); null does not filter.</summary>
    public IReadOnlyList<SubjectKind>? Kinds { get; init; }
}

/// <summary>One subject_summary row as search lists it; <see cref="Handle"/> is the row's opaque <c>ref</c>.</summary>
public sealed record SearchHit(
    SubjectKind Kind, string Id, string? Name, int? Score, string? Grade, int? Stars, string? Color, bool Downgraded, string? Street,
    string UpdatedAt, string? Handle);

public sealed record SearchPage(long Total, IReadOnlyList<SearchHit> Items);

/// <summary>
/// Search over the durable subject_summary projection (architecture "Projections"): SQLite FTS5 trigram or
/// PostgreSQL pg_trgm for the name, b-tree indexes for name and identifier prefixes (docs/search.md).
/// </summary>
public interface ISubjectSearch
{
    Task<SearchPage> Search(SearchQuery query, CancellationToken ct = default);

    /// <summary>The subject a handle (<c>ref</c>) stands for, or null.</summary>
    Task<(SubjectKind Kind, string Id)?> ByHandle(string handle, CancellationToken ct = default);
}

/// <summary>
/// The opaque per-subject handle (<c>ref</c>): 128 random bits, base64url, 22 characters. It names a subject in a list
/// without its (masked) personal ID, so the console can open the page; it is not derived from the ID (no oracle).
/// </summary>
public static class SubjectHandle
{
    public const int Length = 22;

    public static string New()
    {
        // The system's random source filled 4 KiB at a time per thread (issue 16: one call per 16 bytes, with every
        // summary write, was ~1 % of the silo's CPU under ingest); the bytes are as random, each used once.
        var pool = _pool ??= new byte[4096];
        if (_next == 0 || _next + 16 > pool.Length)
        {
            RandomNumberGenerator.Fill(pool);
            _next = 0;
        }
        var bytes = pool.AsSpan(_next, 16);
        _next += 16;
        var handle = System.Buffers.Text.Base64Url.EncodeToString(bytes);
        bytes.Clear();
        return handle;
    }

    [ThreadStatic] private static byte[]? _pool;
    [ThreadStatic] private static int _next;

    /// <summary>Shaped like a handle: 22 base64url characters (identifiers are 18 characters, so never one).</summary>
    public static bool IsHandle(string? text) =>
        text is { Length: Length } && text.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
