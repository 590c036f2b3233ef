using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

/// <summary>A merchant's summary row (colour, street, its enterprise's grade), written with its state.</summary>
public sealed partial class MerchantState : IProjectedState
{
    public SubjectSummary? Summary(string grainKey) =>
        Registered && Color is not null
            ? new SubjectSummary(SubjectKind.Merchant, GrainKeys.IdOf(grainKey), Name, Score, Grade, null, Color, Street, false, Version)
            : null;

    /// <summary>A merchant's records (and their objections) live on its enterprise.</summary>
    public IReadOnlyList<Objection> Objections(string grainKey) => [];
}
