using CreditGrid.Core.Merchants;

namespace CreditGrid.Core.Street;

/// <summary>An inspection of a street merchant (L3336): a clean one has no findings.</summary>
[GenerateSerializer, Immutable]
public sealed record Inspection(
    [property: Id(0)] string InspectionId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Department,
    [property: Id(3)] IReadOnlyList<FindingReport> Findings);

[GenerateSerializer, Immutable]
public sealed record FindingReport(
    [property: Id(0)] string FindingId,
    [property: Id(1)] string Area,
    [property: Id(2)] string Problem,
    [property: Id(3)] DateOnly Deadline);

/// <summary>A finding as the merchant keeps it: open until rectified (§7).</summary>
[GenerateSerializer, Immutable]
public sealed record Finding(
    [property: Id(0)] string FindingId,
    [property: Id(1)] string InspectionId,
    [property: Id(2)] string Area,
    [property: Id(3)] string Problem,
    [property: Id(4)] DateOnly FoundAt,
    [property: Id(5)] DateOnly Deadline,
    [property: Id(6)] DateOnly? RectifiedAt,
    // http-api "Work queues": rectify belongs to the department that found it (null on findings stored before it was kept).
    [property: Id(7)] string? Department = null);

/// <summary>A consumer complaint (L3335 投诉处理): the contact stays private; the verdict and resolution are public.</summary>
[GenerateSerializer, Immutable]
public sealed record Complaint(
    [property: Id(0)] string ComplaintId,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Contact,
    [property: Id(3)] DateOnly ReceivedAt,
    [property: Id(4)] bool? Substantiated,
    [property: Id(5)] string? VerdictBy,
    [property: Id(6)] DateOnly? VerdictAt,
    [property: Id(7)] DateOnly? ResolvedAt,
    // An opaque hash of the submitting address, for the per-address daily cap (issue 11 item 13); never shown.
    [property: Id(8)] string? Source = null)
{
    /// <summary>Open: no verdict yet, or found substantiated and not resolved (it still bears on the colour, §7).</summary>
    public bool IsOpen => Substantiated is null || (Substantiated == true && ResolvedAt is null);
}

[GenerateSerializer, Immutable]
public sealed record Review(
    [property: Id(0)] int Stars,
    [property: Id(1)] string? Text,
    [property: Id(2)] DateTimeOffset At,
    // 1, 2, 3 … per merchant: the review's key once it moves to the archive.
    [property: Id(3)] long Seq = 0);

/// <summary>What a merchant shows on the board and in the 示范店 ranking (domain-rules §7).</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantTile(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Street,
    [property: Id(3)] MerchantColor Color,
    [property: Id(4)] string? Grade,
    [property: Id(5)] int Score,
    [property: Id(6)] double? AverageRating,
    [property: Id(7)] int Votes,
    [property: Id(8)] int FindingsLast12Months);

/// <summary>GET /api/v1/merchants/board (http-api "Merchant street").</summary>
[GenerateSerializer, Immutable]
public sealed record StreetBoard(
    [property: Id(0)] string Street,
    [property: Id(1)] int Total,
    [property: Id(2)] IReadOnlyDictionary<string, int> Counts,
    [property: Id(3)] BoardTargets Targets,
    [property: Id(4)] IReadOnlyList<BoardMerchant> Merchants,
    // http-api "Merchant street": the board carries the top 10 of /exemplary, so boardChanged brings the ranking too.
    [property: Id(5)] IReadOnlyList<ExemplaryMerchant>? Exemplary = null);

/// <summary>L3337: black 0, blue-or-better ≥ 95 %, red ≥ 50 %; each target met or not, and all three together.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardTargets(
    [property: Id(0)] bool BlackZero,
    [property: Id(1)] double BlueOrBetterShare,
    [property: Id(2)] double RedShare,
    [property: Id(3)] bool Met,
    [property: Id(4)] bool BlueOrBetterMet,
    [property: Id(5)] bool RedMet);

[GenerateSerializer, Immutable]
public sealed record BoardMerchant(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Color,
    [property: Id(3)] string? Grade,
    [property: Id(4)] int Score);

[GenerateSerializer, Immutable]
public sealed record ExemplaryMerchant(
    [property: Id(0)] int Rank,
    [property: Id(1)] string Id,
    [property: Id(2)] string Name,
    [property: Id(3)] int Score,
    [property: Id(4)] double? AverageRating,
    [property: Id(5)] int FindingsLast12Months,
    [property: Id(6)] int Votes);

/// <summary>A merchant change as the dashboard receives it (merchantStatusChanged).</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantStatus(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Street,
    [property: Id(3)] string Color,
    [property: Id(4)] string? PreviousColor,
    [property: Id(5)] string? Grade,
    [property: Id(6)] int Score,
    [property: Id(7)] DateTimeOffset At);

/// <summary>Everything the public merchant page shows (L3335).</summary>
[GenerateSerializer, Immutable]
public sealed record MerchantPublicView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Street,
    [property: Id(3)] string Color,
    [property: Id(4)] string? Grade,
    [property: Id(5)] int Score,
    [property: Id(6)] bool Expelled,
    [property: Id(7)] IReadOnlyList<Finding> Findings,
    [property: Id(8)] IReadOnlyList<Complaint> Complaints,
    [property: Id(9)] IReadOnlyList<Review> Reviews,
    [property: Id(10)] IReadOnlyList<Rules.RecordEvaluation> Penalties,
    [property: Id(11)] IReadOnlyList<Rules.RecordEvaluation> Commendations,
    [property: Id(12)] IReadOnlyList<string> Licences,
    // Every review ever given (the list above is the latest 50; older ones are archived, issue 11 item 13).
    [property: Id(13)] int ReviewCount = 0,
    [property: Id(14)] double? AverageRating = null);

/// <summary>
/// Who acts on a street workflow: the key's department and whether it is the credit centre. The grain decides with it,
/// before writing (http-api Conventions: 403 for another department's resource, checked before any 409).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreetActor(
    [property: Id(0)] string Department,
    [property: Id(1)] bool CreditCentre)
{
    public bool Owns(string? department) => CreditCentre || (department is not null && department == Department);
}

/// <summary>A consumer complaint as submitted: the text, the private contact, the hashed address and its daily cap.</summary>
[GenerateSerializer, Immutable]
public sealed record ComplaintSubmission(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Contact,
    [property: Id(2)] string? Source,
    [property: Id(3)] int OpenPerSourcePerDay);
