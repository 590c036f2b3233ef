namespace CreditGrid.Core.Identifiers;

/// <summary>The outcome of checking an identifier: valid, or the reason it is not (in words a clerk understands).</summary>
public readonly record struct IdentifierResult(bool IsValid, string? Error)
{
    public static IdentifierResult Ok { get; } = new(true, null);
    public static IdentifierResult Fail(string error) => new(false, error);
}
