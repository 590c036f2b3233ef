using Orleans;
using Orleans.Concurrency;

namespace CreditGrid.Core.Grid;

/// <summary>What a domain command came to, without HTTP: the api/ maps each kind to its status code.</summary>
public enum OutcomeKind
{
    /// <summary>Done (or already done the same way).</summary>
    Ok,

    /// <summary>No such subject, finding, complaint or incident.</summary>
    NotFound,

    /// <summary>The thing belongs to another department: only that one (or the credit centre) may act on it.</summary>
    NotYours,

    /// <summary>The command contradicts the thing's state (an id used for something else, a closed case).</summary>
    Conflict,

    /// <summary>The command breaks a domain rule (a level out of range, a date before the fact).</summary>
    RuleBroken,

    /// <summary>A limit of the domain is reached (complaints per address and day).</summary>
    TooMany,
}

/// <summary>
/// The outcome of a domain command with the reason for the caller, in Chinese and, where the grain wrote one, English
/// (http-api Conventions: Chinese by default, English with Accept-Language: en).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome(
    [property: Id(0)] OutcomeKind Kind,
    [property: Id(1)] string? Message = null,
    [property: Id(2)] string? English = null)
{
    public static readonly Outcome Done = new(OutcomeKind.Ok);

    public bool IsOk => Kind == OutcomeKind.Ok;

    public static Outcome NotFound(string zh, string en) => new(OutcomeKind.NotFound, zh, en);

    public static Outcome NotYours(string zh, string en) => new(OutcomeKind.NotYours, zh, en);

    public static Outcome Conflict(string zh, string en) => new(OutcomeKind.Conflict, zh, en);

    public static Outcome RuleBroken(string zh, string en) => new(OutcomeKind.RuleBroken, zh, en);

    public static Outcome TooMany(string zh, string en) => new(OutcomeKind.TooMany, zh, en);
}
