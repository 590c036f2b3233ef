namespace CreditGrid.Api.Auth;

/// <summary>Roles of http-api "Authentication and roles".</summary>
public static class Roles
{
    public const string Reporter = "reporter";
    public const string CreditCenter = "credit-center";
    public const string Emergency = "emergency";
    public const string Operator = "operator";

    public static readonly string[] All = [Reporter, CreditCenter, Emergency, Operator];

    /// <summary>A role as a clerk reads it: the wire name and what it stands for.</summary>
    public static string Describe(string role) => role switch
    {
        Reporter => "reporter（报送部门）",
        CreditCenter => "credit-center（区社会信用中心）",
        Emergency => "emergency（应急管理）",
        Operator => "operator（运行值守）",
        _ => role,
    };
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
