using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>The silo's side of the intake log: what the pump and the grains need besides <see cref="IEventIntake"/>.</summary>
public interface IIntakeLog : IEventIntake
{
    /// <summary>The next round's events for this silo, held by leases (docs/intake.md "Claims without row rewrites").</summary>
    Task<IntakeClaim> Pending(int max, CancellationToken ct);
    Task Record(IntakeClaim claim, IReadOnlyList<ApplyOutcome> outcomes, CancellationToken ct = default);
    Task MarkApplied(string eventId, CancellationToken ct = default);
    Task ReleaseClaims(CancellationToken ct);
}

public interface IRecordIndex : IRecordDirectory
{
    Task Add(RecordLocation location, CancellationToken ct = default);
}

public interface IDueWork
{
    Task Set(string grainKind, string grainId, DateTimeOffset? dueAt, CancellationToken ct = default);
    Task<IReadOnlyList<(string Kind, string Id)>> Due(DateTimeOffset now, int max, CancellationToken ct = default);
}

/// <summary>Which enterprises name a person as legal representative (§6, L1059-L1062), durable beside the dossiers.</summary>
public interface ILegalRepresentatives
{
    Task Replace(string enterpriseId, IReadOnlyCollection<string> personIds, CancellationToken ct = default);
    Task<IReadOnlyList<string>> EnterprisesOf(string personId, CancellationToken ct = default);
}
