using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>A deadline for releasing information about an event (L3502); <see cref="Kind"/> is one of <see cref="ReleaseKinds"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ReleaseDeadline(
    [property: Id(0)] string Kind,
    [property: Id(1)] DateTimeOffset DueAt)
{
    /// <summary>Overdue when the release came after the deadline, or has not come and the deadline has passed.</summary>
    public bool IsOverdue(DateTimeOffset now, DateTimeOffset? doneAt) => (doneAt ?? now) > DueAt;
}

/// <summary>The wire names of the release kinds (http-api "Emergency plans").</summary>
public static class ReleaseKinds
{
    public const string Authoritative = "authoritative";
    public const string PressConference = "press-conference";

    public static bool IsValid(string? kind) => kind is Authoritative or PressConference;
}
