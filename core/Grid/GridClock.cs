namespace CreditGrid.Core.Grid;

/// <summary>
/// The grid's notion of today: credit dates are calendar dates in the district's time zone (Asia/Shanghai, UTC+8),
/// from an injected <see cref="TimeProvider"/> so tests can move time.
/// </summary>
public sealed class GridClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public TimeProvider Time => time;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>The district's day of an instant (an application received at 23:30 UTC is received the next day).</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The instant a date begins in the district.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8"); }
    }
}
