using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Grains;

/// <summary>A public official (L1471-L1472): 诚信星级, scored by the official table (L1541-L2407).</summary>
[ImplicitStreamSubscription(GridStreams.FanOutOfficial)]
public sealed class OfficialGrain([PersistentState("official", "credit")] IPersistentState<Dossier> state, GridServices services)
    : SubjectGrain(state, services), IOfficialGrain
{
    protected override SubjectKind Kind => SubjectKind.Official;
}
