using System.Globalization;
using System.Text.Json;

namespace CreditGrid.Core.Calendar;

/// <summary>
/// The official working calendar (domain-rules §5, L815 工作日): Monday-Friday, minus the public holidays, plus the
/// weekend days worked instead (调休上班). Shipped for the years the State Council has published (embedded
/// official-calendar.json, docs/calendar.md); a year given in configuration replaces that year's shipped lists.
/// Outside the covered years Monday-Friday applies.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, YearLists> _years;

    private WorkingCalendar(Dictionary<int, YearLists> years) => _years = years;

    /// <summary>One year's lists as given (shipped or configured).</summary>
    public sealed record YearLists(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> WorkingWeekends, string Source);

    /// <summary>The calendar compiled into the program (validated on first use).</summary>
    public static WorkingCalendar Shipped { get; } = LoadEmbedded();

    public IReadOnlyCollection<int> Years => _years.Keys;

    public bool Covers(int year) => _years.ContainsKey(year);

    public YearLists? Year(int year) => _years.GetValueOrDefault(year);

    public bool IsWorkingDay(DateOnly d)
    {
        if (_years.TryGetValue(d.Year, out var lists))
        {
            if (lists.WorkingWeekends.Contains(d)) return true;
            if (lists.Holidays.Contains(d)) return false;
        }
        return d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>§5: the day of receipt is not counted; the due date is the Nth working day after <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        var d = from;
        for (var added = 0; added < workingDays;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) added++;
        }
        return d;
    }

    /// <summary>This calendar with some years replaced (configuration); the result is validated.</summary>
    public WorkingCalendar With(IEnumerable<YearLists> years)
    {
        var merged = new Dictionary<int, YearLists>(_years);
        foreach (var y in years) merged[y.Year] = y;
        var calendar = new WorkingCalendar(merged);
        calendar.Validate();
        return calendar;
    }

    /// <summary>Parses a configured list: comma-separated YYYY-MM-DD dates, or inclusive ranges YYYY-MM-DD..YYYY-MM-DD.</summary>
    public static IReadOnlySet<DateOnly> ParseList(string? text, string what)
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = item.Split("..", StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2) throw new CalendarException($"{what}: '{item}' is not a date or a range a..b");
            var first = ParseDate(ends[0], what);
            var last = ends.Length == 2 ? ParseDate(ends[1], what) : first;
            if (last < first || last.DayNumber - first.DayNumber > 31) throw new CalendarException($"{what}: the range '{item}' is backwards or longer than a month");
            for (var d = first; d <= last; d = d.AddDays(1)) dates.Add(d);
        }
        return dates;
    }

    private static DateOnly ParseDate(string text, string what) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CalendarException($"{what}: '{text}' is not a date as YYYY-MM-DD");

    /// <summary>§5: a date in both lists is an error; every date belongs to its year; a worked weekend is a Saturday or Sunday.</summary>
    private void Validate()
    {
        foreach (var (year, lists) in _years)
        {
            if (lists.Holidays.Concat(lists.WorkingWeekends).FirstOrDefault(d => d.Year != year) is { DayNumber: > 0 } stray)
                throw new CalendarException($"Calendar {year}: {stray:yyyy-MM-dd} is not in {year}");
            if (lists.Holidays.FirstOrDefault(lists.WorkingWeekends.Contains) is { DayNumber: > 0 } both)
                throw new CalendarException($"Calendar {year}: {both:yyyy-MM-dd} is both a holiday and a working weekend day");
            if (lists.WorkingWeekends.FirstOrDefault(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) is { DayNumber: > 0 } weekday)
                throw new CalendarException($"Calendar {year}: working weekend day {weekday:yyyy-MM-dd} is a {weekday.DayOfWeek}, not a Saturday or Sunday");
        }
    }

    private static WorkingCalendar LoadEmbedded()
    {
        const string name = "CreditGrid.Core.Calendar.official-calendar.json";
        using var stream = typeof(WorkingCalendar).Assembly.GetManifestResourceStream(name) ?? throw new CalendarException($"resource {name} is missing");
        using var doc = JsonDocument.Parse(stream);
        var years = new Dictionary<int, YearLists>();
        foreach (var entry in doc.RootElement.GetProperty("years").EnumerateArray())
        {
            var year = entry.GetProperty("year").GetInt32();
            var what = $"official-calendar.json {year}";
            years[year] = new YearLists(year,
                ParseList(string.Join(",", entry.GetProperty("holidays").EnumerateArray().Select(e => e.GetString())), what + " holidays"),
                ParseList(string.Join(",", entry.GetProperty("workingWeekends").EnumerateArray().Select(e => e.GetString())), what + " workingWeekends"),
                entry.GetProperty("source").GetString() ?? "");
        }
        var calendar = new WorkingCalendar(years);
        calendar.Validate();
        return calendar;
    }
}

public sealed class CalendarException(string message) : Exception(message);
