namespace CreditGrid.Core.Emergency;

/// <summary>The information-release deadlines of an event (L3502, domain-rules §8).</summary>
public static class ReleaseDeadlines
{
    // L3502 最迟要在5小时内发布权威信息
    public static readonly TimeSpan Authoritative = TimeSpan.FromHours(5);
    // L3502 最迟应在24小时内举行新闻发布会
    public static readonly TimeSpan PressConference = TimeSpan.FromHours(24);

    /// <summary>特别重大 and 重大: authoritative information by +5 h and a press conference by +24 h; none otherwise
    /// (L3502: 较大 and 一般 are released by the district media centre without a fixed deadline).</summary>
    public static IReadOnlyList<ReleaseDeadline> For(Severity severity, DateTimeOffset occurredAt) =>
        severity.HasReleaseDeadlines()
            ? [new(ReleaseKinds.Authoritative, occurredAt + Authoritative), new(ReleaseKinds.PressConference, occurredAt + PressConference)]
            : [];
}
