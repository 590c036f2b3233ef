using System.Diagnostics;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// Issue 13: the first start logged "Participant check thread has not completed for 3.04:12:51…", a "stall" as long as
/// the machine's uptime. The cause is in Orleans' own Watchdog (Orleans.Runtime.Watchdog, 10.x): Start() starts the
/// platform thread before it sets the component thread's timestamp, so a first platform check that runs in between
/// measures the time since timestamp 0 — on Linux the monotonic clock's origin, the boot — and warns. It is a start-up
/// race (likelier on a busy machine, when the first JIT is slow), not a stall. This filter drops exactly those lines:
/// a watchdog stall longer than this process has lived cannot be real; any real stall is still logged (docs/change-log.md).
/// </summary>
public static class WatchdogStartRace
{
    public const string Category = "Orleans.Runtime.Watchdog";

    private static readonly DateTimeOffset ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    /// <summary>The watchdog's logger, without its impossible stalls; every other category is left as it is.</summary>
    public static ILogger Filter(string categoryName, ILogger logger) =>
        categoryName == Category ? new FilteredLogger(logger) : logger;

    /// <summary>A stall (the TimeSinceLastTick of the watchdog's warnings) longer than the process's lifetime (plus a minute).</summary>
    public static bool Impossible<TState>(TState state) =>
        state is IEnumerable<KeyValuePair<string, object?>> values
        && values.Any(v => v.Key == "TimeSinceLastTick" && v.Value is TimeSpan stalled && stalled > DateTimeOffset.UtcNow - ProcessStart + TimeSpan.FromMinutes(1));

    private sealed class FilteredLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Impossible(state)) return;
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
