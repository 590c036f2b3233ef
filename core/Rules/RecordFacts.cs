namespace CreditGrid.Core.Rules;

/// <summary>
/// What the publicity rules (domain-rules §9: 诚信红黑榜, 双公示) read of one evaluated record. Both the full
/// <see cref="RecordEvaluation"/> and a <see cref="Standing"/>'s records give it, so each of those rules is written once.
/// </summary>
public interface IRecordFacts
{
    string RecordId { get; }
    string Indicator { get; }
    string Group { get; }
    string Name { get; }
    string Department { get; }
    string? ActionRef { get; }
    int BasePoints { get; }
    RecordStatus Status { get; }
    DateOnly OccurredAt { get; }
    DateOnly? ExpiresAt { get; }
    bool Late { get; }
    string? DerivedFrom { get; }
}

/// <summary>One record of a <see cref="Standing"/>: the engine's own work for it, read without a copy.</summary>
public readonly struct RecordFacts : IRecordFacts
{
    private readonly RecordWork _w;

    internal RecordFacts(RecordWork w) => _w = w;

    public string RecordId => _w.Record.RecordId;
    public string Indicator => _w.Entry.Code;
    public string Group => _w.Entry.Group;
    public string Name => _w.Entry.Name;
    public string Department => _w.Record.Department;
    public string? ActionRef => _w.Record.ActionRef;
    public int BasePoints => _w.Base;
    public int EffectivePoints => _w.Effective;
    public RecordStatus Status => _w.Status;
    public DateOnly OccurredAt => _w.Record.OccurredAt;
    public DateOnly? ExpiresAt => _w.ExpiresAt;
    public bool Late => _w.Late;
    public string? DerivedFrom => _w.Record.DerivedFrom;
}
