using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace CreditGrid.Api.OpenApi;

/// <summary>The OpenAPI 3.1 document at /openapi/v1.json and its reference page at /api/docs (docs/api-shape.md).</summary>
public static class OpenApiSetup
{
    public const string DocsPath = "/api/docs";

    public static IServiceCollection AddCreditGridOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer<ApiKeySchemeTransformer>();
            o.AddOperationTransformer<OperationTransformer>();
            o.AddSchemaTransformer((schema, context, _) =>
            {
                // Instants are written by ApiJson's converter: keep them an ISO 8601 date-time string in the schema.
                if (context.JsonTypeInfo.Type == typeof(DateTimeOffset) || context.JsonTypeInfo.Type == typeof(DateTimeOffset?))
                {
                    schema.Type = context.JsonTypeInfo.Type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                    schema.Format = "date-time";
                }
                // A file part of a multipart form (POST /imports): the file's bytes.
                if (context.JsonTypeInfo.Type == typeof(Microsoft.AspNetCore.Http.IFormFile))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = "binary";
                    schema.Properties?.Clear();
                    schema.Required?.Clear();
                }
                RequiredFields.Apply(schema, context.JsonTypeInfo.Type);
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapCreditGridDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The page and its script come from the package (no CDN); no web fonts, no proxy, no telemetry: it loads
        // nothing but this server's own /api/docs assets and /openapi/v1.json.
        app.MapScalarApiReference(DocsPath, o => o
                .WithTitle("CreditGrid API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument("v1")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .AddPreferredSecuritySchemes([ApiKeySchemeTransformer.SchemeId]))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
