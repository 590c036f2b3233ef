using CreditGrid.Core.Grid;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// OpenTelemetry: traces (HTTP → intake pump → grain, with the eventId), the grid's meters and Orleans' meters;
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
                t.AddSource(GridMetrics.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                 .AddAspNetCoreInstrumentation();
                if (otlp) t.AddOtlpExporter();
            });
        return builder;
    }
}
