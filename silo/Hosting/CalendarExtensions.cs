using CreditGrid.Core.Calendar;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// The official working calendar (domain-rules §5): the shipped years, with any year given in configuration
/// (`Calendar:Holidays:2027 = "2027-01-01,…"`, `Calendar:WorkingWeekends:2027 = "…"`) replacing that year's lists.
/// Validated when the host is built, so a bad list stops the start naming the entry.
/// </summary>
public static class CalendarExtensions
{
    public static WorkingCalendar CalendarOf(IConfiguration configuration)
    {
        var holidays = configuration.GetSection("Calendar:Holidays");
        var worked = configuration.GetSection("Calendar:WorkingWeekends");
        var years = holidays.GetChildren().Select(c => c.Key).Union(worked.GetChildren().Select(c => c.Key)).ToList();
        var shipped = WorkingCalendar.Shipped;
        var given = new List<WorkingCalendar.YearLists>();
        foreach (var key in years)
        {
            if (!int.TryParse(key, out var year) || year is < 1949 or > 2200)
                throw new CalendarException($"Calendar: '{key}' is not a year (Calendar:Holidays:<year>, Calendar:WorkingWeekends:<year>)");
            // A year given replaces that year's shipped list; a list not given for it keeps the shipped one.
            var old = shipped.Year(year);
            given.Add(new WorkingCalendar.YearLists(year,
                holidays[key] is { } h ? WorkingCalendar.ParseList(h, $"Calendar:Holidays:{year}") : old?.Holidays ?? new HashSet<DateOnly>(),
                worked[key] is { } w ? WorkingCalendar.ParseList(w, $"Calendar:WorkingWeekends:{year}") : old?.WorkingWeekends ?? new HashSet<DateOnly>(),
                "configuration"));
        }
        return given.Count == 0 ? shipped : shipped.With(given);
    }

    public static ISiloBuilder AddCreditGridCalendar(this ISiloBuilder silo, IConfiguration configuration)
    {
        var calendar = CalendarOf(configuration);
        silo.Services.AddSingleton(calendar);
        // §5: outside the published years Monday-Friday applies, and the operator is told.
        silo.AddStartupTask((sp, _) =>
        {
            var year = sp.GetRequiredService<GridClock>().Today.Year;
            if (!calendar.Covers(year))
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("CreditGrid.Calendar").LogWarning(
                    "The official calendar has no holiday list for {Year} (covered: {Years}); working days are Monday-Friday until Calendar:Holidays:{Year} is configured.",
                    year, string.Join(", ", calendar.Years.Order()), year);
            return Task.CompletedTask;
        });
        return silo;
    }
}
