using CreditGrid.Core.Rules;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

/// <summary>What every subject grain needs from its silo, in one constructor argument.</summary>
public sealed record GridServices(
    RulesEngine Rules,
    GridClock Clock,
    IIntakeLog Intake,
    IRecordIndex RecordIndex,
    IDueWork DueWork,
    ILegalRepresentatives LegalRepresentatives);

public static class GridStreams
{
    public const string Provider = "grid";

    /// <summary>Every evaluation change, keyed by subject kind (architecture: changes stream).</summary>
    public const string Changes = "changes";

    /// <summary>Fan-out deliveries to subjects of a kind, keyed by subject id (implicit subscription per kind).</summary>
    public static string FanOut(CreditGrid.Core.SubjectKind kind) => "fanout-" + CreditGrid.Core.SubjectKinds.ToWire(kind);

    public const string FanOutEnterprise = "fanout-enterprise";
    public const string FanOutPerson = "fanout-person";
    public const string FanOutOfficial = "fanout-official";
}
