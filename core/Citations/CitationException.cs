namespace CreditGrid.Core.Citations;

/// <summary>core/Citations/papers.json breaks a rule of docs/explanations.md; the message names the paper or line.</summary>
public sealed class CitationException(string message) : Exception(message);
