namespace CreditGrid.Api.Contracts;

/// <summary>202 of POST /api/v1/imports.</summary>
public sealed record ImportAccepted(string ImportId);

/// <summary>POST /api/v1/imports/{importId}/rows/{row}: the points of a held row's 其他行政处罚 event, or skip the row.</summary>
/// <summary>The multipart form of POST /api/v1/imports, for the document: the file, its format, and whether it is a dry run.</summary>
public sealed record ImportRequest(Microsoft.AspNetCore.Http.IFormFile? File, string? Format, bool? DryRun);

public sealed record RowDecisionRequest(int? Points, bool? Skip);

/// <summary>One file row of an import (row = its number as a spreadsheet shows it; the header is row 1).</summary>
public sealed record ImportRowResponse(int Row, string Status, IReadOnlyList<string> EventIds, IReadOnlyDictionary<string, string[]> Errors, bool Duplicate);

/// <summary>
/// GET /api/v1/imports/{importId}: counters count rows (valid includes accepted, accepted includes applied); rows is
/// one page of them (page, pageSize, rowsTotal = the rows matching the status filter).
/// </summary>
public sealed record ImportResponse(
    string ImportId, string Status, string Format, bool DryRun, string FileName, string Department, string CreatedAt,
    int Total, int Valid, int Rejected, int Held, int Accepted, int Applied,
    int Page, int PageSize, int RowsTotal, IReadOnlyList<ImportRowResponse> Rows);

/// <summary>An import in GET /api/v1/imports.</summary>
public sealed record ImportListItem(string ImportId, string Status, string Format, bool DryRun, string FileName, string Department, string CreatedAt);

public sealed record ImportListResponse(int Total, int Page, int PageSize, IReadOnlyList<ImportListItem> Items);
