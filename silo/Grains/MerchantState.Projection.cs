using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

/// <summary>A merchant's summary row (colour, street, its enterprise's grade), written with its state.</summary>
public sealed partial class MerchantState : IProjectedState
{
    public SubjectSummary? Summary(string grainKey) =>
        Registered && Color is not null
            ? new SubjectSummary(SubjectKind.Merchant, GrainKeys.IdOf(grainKey), Name, Score, Grade, null, Color, Street, Downgraded, Version)
            : null;

    /// <summary>A merchant's records (and their objections) live on its enterprise.</summary>
    public IReadOnlyList<Objection> Objections(string grainKey) => [];

    /// <summary>The complaints queue's rows (http-api "Work queues"); archived ones stay in the projection as they were.</summary>
    IReadOnlyList<Complaint> IProjectedState.Complaints => Complaints;

    /// <summary>Change log lines for the next write (not serialized: the storage writes them beside the state).</summary>
    [NonSerialized] private PendingChanges? _changes;
    public PendingChanges Changes() => _changes ??= new(); // a method: no serializer (binary or the older JSON) sees it
}
