namespace CreditGrid.Core.Emergency;

/// <summary>An emergency reference file breaks a rule of docs/emergency-data.md; the message names the file and item.</summary>
public sealed class EmergencyDataException(string message) : Exception(message);
