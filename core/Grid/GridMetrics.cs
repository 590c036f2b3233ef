using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CreditGrid.Core.Grid;

/// <summary>The grid's own telemetry names (exported by the silo with OpenTelemetry: OTLP and /metrics).</summary>
public static class GridMetrics
{
    public const string Name = "CreditGrid";

    public static readonly Meter Meter = new(Name);
    public static readonly ActivitySource Activities = new(Name);

    public static readonly Counter<long> EventsAccepted = Meter.CreateCounter<long>("creditgrid.events.accepted", "{event}", "Events made durable by the intake log (202)");
    public static readonly Counter<long> EventsApplied = Meter.CreateCounter<long>("creditgrid.events.applied", "{event}", "Events applied to their subject and every fan-out target");
    public static readonly Histogram<double> ApplyLatency = Meter.CreateHistogram<double>("creditgrid.events.apply_latency", "ms", "From 202 to applied");
    public static readonly UpDownCounter<long> HubConnections = Meter.CreateUpDownCounter<long>("creditgrid.signalr.connections", "{connection}", "Open dashboard connections on this silo");

    private static readonly long[] Active = new long[8];

    /// <summary>Resident subject grains per kind on this silo.</summary>
    public static void Activated(SubjectKind kind, int delta) => Interlocked.Add(ref Active[(int)kind], delta);

    static GridMetrics()
    {
        Meter.CreateObservableGauge("creditgrid.subjects.active", () =>
            Enum.GetValues<SubjectKind>().Select(k => new Measurement<long>(Interlocked.Read(ref Active[(int)k]), new KeyValuePair<string, object?>("kind", k.ToWire()))),
            "{grain}", "Active subject grains per kind on this silo");
    }
}
