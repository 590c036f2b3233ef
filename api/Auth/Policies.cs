using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CreditGrid.Api.Auth;

/// <summary>The role matrix of http-api "Authentication and roles".</summary>
public static class Policies
{
    /// <summary>Push events, inspections, complaint verdicts.</summary>
    public const string Report = "report";
    public const string CreditCenter = "credit-center";
    /// <summary>Read subjects and lists (personal data is audited).</summary>
    public const string Read = "read";
    public const string ReadEvents = "read-events";
    /// <summary>Open an objection on behalf of a subject.</summary>
    public const string Object = "object";
    public const string Emergency = "emergency";
    /// <summary>Read incidents: the emergency role and operators.</summary>
    public const string ReadEmergencies = "read-emergencies";
    public const string Operator = "operator";

    public static IServiceCollection AddCreditGridPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Report, p => p.RequireRole(Roles.Reporter, Roles.CreditCenter))
            .AddPolicy(CreditCenter, p => p.RequireRole(Roles.CreditCenter))
            .AddPolicy(Read, p => p.RequireRole(Roles.Operator, Roles.CreditCenter))
            .AddPolicy(ReadEvents, p => p.RequireRole(Roles.Reporter, Roles.CreditCenter, Roles.Operator))
            .AddPolicy(Object, p => p.RequireRole(Roles.Operator, Roles.CreditCenter))
            .AddPolicy(Emergency, p => p.RequireRole(Roles.Emergency))
            .AddPolicy(ReadEmergencies, p => p.RequireRole(Roles.Emergency, Roles.Operator))
            .AddPolicy(Operator, p => p.RequireRole(Roles.Operator));
        return services;
    }
}
