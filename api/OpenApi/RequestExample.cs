using Microsoft.AspNetCore.Builder;

namespace CreditGrid.Api.OpenApi;

/// <summary>Endpoint metadata: an example request body, shown in the OpenAPI document beside the body's schema.</summary>
public sealed record RequestExample(object Body);

public static class RequestExampleExtensions
{
    /// <summary>The example body of the operation (serialised with the API's own JSON options).</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object body) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExample(body));
}
