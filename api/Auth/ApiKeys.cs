namespace CreditGrid.Api.Auth;

/// <summary>Roles of http-api "Authentication and roles".</summary>
public static class Roles
{
    public const string Reporter = "reporter";
    public const string CreditCenter = "credit-center";
    public const string Emergency = "emergency";
    public const string Operator = "operator";

    public static readonly string[] All = [Reporter, CreditCenter, Emergency, Operator];
}

/// <summary>One configured key: Auth:ApiKeys:N:{Key,Department,Roles}.</summary>
public sealed class ApiKey
{
    public string Key { get; set; } = "";
    public string Department { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public List<ApiKey> ApiKeys { get; set; } = [];
}
