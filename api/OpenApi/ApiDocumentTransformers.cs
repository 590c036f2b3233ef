using System.Text.Json;
using System.Text.Json.Nodes;
using CreditGrid.Api.Auth;
using CreditGrid.Api.Extensions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CreditGrid.Api.OpenApi;

/// <summary>The document's title, description and the X-Api-Key scheme (http-api "Authentication and roles").</summary>
public sealed class ApiKeySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CreditGrid API";
        document.Info.Description =
            "The public-credit grid of 张店区. Send the key in the X-Api-Key header; each operation names the roles it needs. "
            + "Errors are RFC 9457 problem details: Chinese by default, English with Accept-Language: en. "
            + "Dates are YYYY-MM-DD, instants ISO 8601 UTC (2026-11-28T10:00:00Z).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            Name = ApiKeyAuthentication.Header,
            In = ParameterLocation.Header,
            Description = "An API key of the department; its roles (reporter, credit-center, emergency, operator) decide what it may do.",
        };
        return Task.CompletedTask;
    }
}

/// <summary>
/// Per operation, from the endpoint's own metadata: the security requirement and a "Roles:" line for operations that
/// need a key (the roles of its authorization policy), and the example body given with <see cref="RequestExample"/>.
/// </summary>
public sealed class OperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequestExample>().LastOrDefault() is { } example
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType json)
            json.Example = JsonSerializer.SerializeToNode(example.Body, Options);

        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any()) return;
        var provider = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, authorize);
        var roles = policy is null ? [] : RoleProblems.RolesOf(policy);
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemeTransformer.SchemeId, context.Document)] = [] });
        var line = roles.Count == 0 ? "Roles: any role (X-Api-Key)." : $"Roles: {string.Join(", ", roles)} (X-Api-Key).";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? line : $"{operation.Description}\n\n{line}";
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => (JsonNode)JsonValue.Create(r))]));
    }

    private static readonly JsonSerializerOptions Options = Build();

    private static JsonSerializerOptions Build()
    {
        var o = new JsonSerializerOptions();
        ApiJson.Apply(o);
        return o;
    }
}
