using CreditGrid.Core;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// The merchant's lines of the change log (docs/change-log.md): its colour (never its score: that is its enterprise's
/// line), its complaints and its inspections, each with the department that caused it.
/// </summary>
public sealed partial class MerchantGrain
{
    private readonly ChangeLogger _log = new();
    /// <summary>What the command being written did (the colour line names the same cause); null = time-driven (系统).</summary>
    private string? _cause;
    private string? _causeRef;

    /// <summary>A complaint or inspection line for the next write, and the cause a colour change of that write names.</summary>
    private void Cause(string change, string? from, string to, string reference, string department)
    {
        _log.Note(change, from, to, reference, department);
        _cause = department;
        _causeRef = reference;
    }

    /// <summary>
    /// One colour line when the colour changed (not on the first colour a registration gives): with the enterprise's
    /// event and department, or the complaint/inspection that caused it, or 系统 when a deadline passed.
    /// </summary>
    private IReadOnlyList<ChangeEntry> StampChanges(string? previous, string color, string? eventId, EvaluationChange? enterpriseChange)
    {
        if (previous is not null && previous != color)
            _log.Note(ChangeKinds.Color, previous, color, eventId ?? _causeRef, enterpriseChange?.Department ?? _cause);
        _cause = null;
        _causeRef = null;
        return _log.Stamp(S.Changes(), SubjectKind.Merchant.ToWire(), Id, S.Name, S.Street, S.Version, clock.Now);
    }
}
