using CreditGrid.Core.Grid;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// OpenTelemetry: traces (HTTP → intake pump → grain, with the eventId; Orleans' call spans when exported), the grid's
/// meters and Orleans' meters;
/// Prometheus text at /metrics always, OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddCreditGridTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("creditgrid"))
            .WithMetrics(m =>
            {
                m.AddMeter(GridMetrics.Name, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                 .AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            })
            .WithTracing(t =>
            {
                t.AddSource(GridMetrics.Name).AddAspNetCoreInstrumentation();
                // Orleans' own spans (one per grain call, stream and pubsub message) only when they are exported: with
                // nobody reading them they cost 3.5-7 % of the silo's CPU under load (docs/benchmarks.md).
                if (otlp) t.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddOtlpExporter();
            });
        return builder;
    }
}
