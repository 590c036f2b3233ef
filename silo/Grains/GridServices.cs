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

