namespace CreditGrid.Core.Grid;

/// <summary>The grid's stream provider and namespaces (architecture: changes stream, fan-out deliveries, boards).</summary>
public static class GridStreams
{
    public const string Provider = "grid";

    /// <summary>Every evaluation change, keyed by subject kind (architecture: changes stream).</summary>
    public const string Changes = "changes";

    /// <summary>Fan-out deliveries to subjects of a kind, keyed by subject id (implicit subscription per kind).</summary>
    public static string FanOut(SubjectKind kind) => "fanout-" + SubjectKinds.ToWire(kind);

    /// <summary>Street boards, keyed by street name (boardChanged).</summary>
    public const string Boards = "boards";

    /// <summary>Emergency incidents (emergencyChanged), all on one key.</summary>
    public const string Emergencies = "emergencies";

    /// <summary>Change log lines once durable (changeLogged), all on one key (<see cref="AllBoards"/>).</summary>
    public const string ChangeLog = "changelog";

    /// <summary>All street boards go on one stream key; the board names its street.</summary>
    public const string AllBoards = "all";

    public const string FanOutEnterprise = "fanout-enterprise";
    public const string FanOutPerson = "fanout-person";
    public const string FanOutOfficial = "fanout-official";
}
