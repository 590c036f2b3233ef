namespace CreditGrid.Core.Catalog;

/// <summary>A catalogue file breaks a rule of docs/catalogue.md; the message names the entry.</summary>
public sealed class CatalogException(string message) : Exception(message);
