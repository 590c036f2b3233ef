using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 13: Orleans' watchdog logged a "stall" as long as the machine's uptime at first start (a race in its Start:
/// the component timestamp is still 0 when the platform thread first checks it). The host drops exactly such lines.
/// </summary>
public class WatchdogStartRaceTests(GridHost grid) : IClassFixture<GridHost>
{
    private sealed class Capture : ILoggerProvider
    {
        public readonly ConcurrentQueue<string> Lines = new();
        public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);
        public void Dispose() { }

        private sealed class Sink(Capture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Lines.Enqueue(category + ": " + formatter(state, exception));
        }
    }

    [Fact]
    public void A_watchdog_stall_longer_than_the_process_has_lived_is_not_logged_but_a_real_one_is()
    {
        var capture = new Capture();
        var factory = grid.Service<ILoggerFactory>();
        factory.AddProvider(capture);
        var watchdog = factory.CreateLogger("Orleans.Runtime.Watchdog");
        const string Template = "Participant check thread has not completed for {TimeSinceLastTick}, potentially indicating lock contention or deadlock, CPU starvation, or another execution anomaly.";

        watchdog.LogWarning(Template, TimeSpan.FromDays(3.2)); // the machine's uptime
        watchdog.LogWarning(Template, TimeSpan.FromSeconds(12)); // a real stall

        var lines = capture.Lines.Where(l => l.StartsWith("Orleans.Runtime.Watchdog", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("00:00:12", line);
    }
}
