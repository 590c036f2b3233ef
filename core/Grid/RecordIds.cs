using System.Security.Cryptography;
using System.Text;

namespace CreditGrid.Core.Grid;

/// <summary>
/// Deterministic record ids: the same event (or the same fan-out) always makes the same id, so redelivery after a
/// crash finds the record it already made. Hashes, so an id never carries a personal identifier.
/// </summary>
public static class RecordIds
{
    /// <summary>The record an event makes on its own subject.</summary>
    public static string For(string eventId) => "R" + Hash("event|" + eventId);

    /// <summary>The record a source record makes on a linked subject (§6).</summary>
    public static string Derived(string sourceRecordId, SubjectKind targetKind, string targetId) =>
        "R" + Hash($"derived|{sourceRecordId}|{targetKind.ToWire()}|{targetId}");

    /// <summary>The record that replaces a repaired one (L2488).</summary>
    public static string Replacement(string repairedRecordId) => "R" + Hash("repair|" + repairedRecordId);

    /// <summary>A fan-out delivery: what it does, from which record, to whom.</summary>
    public static string Delivery(string action, string recordId, SubjectKind targetKind, string targetId) =>
        "D" + Hash($"{action}|{recordId}|{targetKind.ToWire()}|{targetId}");

    private static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexString(digest[..10]).ToLowerInvariant();
    }
}
