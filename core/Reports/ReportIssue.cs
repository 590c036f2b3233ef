namespace CreditGrid.Core.Reports;

/// <summary>Who a credit report was issued for (domain-rules §9): the public report, or the full one (operator, credit centre).</summary>
public enum ReportAudience
{
    Public,
    Full,
}

/// <summary>
/// The durable issue record of one credit report (信用报告, L403, L700; domain-rules §9): its number, the subject, the
/// evaluation date, the issuing instant, the audience and the SHA-256 of the exact PDF bytes that were served, so a
/// printed or forwarded copy can be checked at /credit/verify/{reportNo}.
/// </summary>
public sealed record ReportIssue(
    string ReportNo,
    SubjectKind Kind,
    string SubjectId,
    string? SubjectName,
    DateOnly AsOf,
    DateTimeOffset IssuedAt,
    ReportAudience Audience,
    string Sha256,
    long Size,
    string? IssuedBy);

/// <summary>The report_issues table (migration 012): state that only exists there, so it is durable on its own.</summary>
public interface IReportIssues
{
    Task Add(ReportIssue issue, CancellationToken ct = default);

    Task<ReportIssue?> Find(string reportNo, CancellationToken ct = default);
}

/// <summary>A report as served: the PDF and its issue record.</summary>
public sealed record IssuedReport(ReportIssue Issue, byte[] Pdf);

public enum ReportOutcome
{
    Issued,
    /// <summary>No such subject, or (public report) not a public kind.</summary>
    NoSubject,
    /// <summary>No CJK font file on the server (Reports:FontPath): the caller answers 503.</summary>
    NoFont,
}

/// <summary>Issues credit reports: renders the PDF of a subject's evaluation on a date and records the issue.</summary>
public interface ICreditReports
{
    Task<(ReportOutcome Outcome, IssuedReport? Report)> Issue(
        SubjectKind kind, string id, DateOnly? asOf, ReportAudience audience, string? issuedBy, CancellationToken ct = default);
}
