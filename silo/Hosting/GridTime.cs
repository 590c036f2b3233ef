using System.Globalization;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// The grid's time source. The system clock, unless `Clock:Now` (an ISO 8601 instant) is configured: then time starts
/// there and runs on — for demos and for tests that must see dates pass across a restart. Never set it in production.
/// </summary>
public static class GridTime
{
    public static TimeProvider From(IConfiguration configuration) =>
        configuration["Clock:Now"] is { Length: > 0 } start
            ? new ShiftedTimeProvider(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) - TimeProvider.System.GetUtcNow())
            : TimeProvider.System;

    private sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }
}
