using CreditGrid.Core.Calendar;
using CreditGrid.Silo.Hosting;
using Microsoft.Extensions.Configuration;

namespace CreditGrid.Api.Tests;

/// <summary>domain-rules §5: the calendar is configuration per year; a year given replaces the shipped one; validated at start.</summary>
public class CalendarConfigurationTests
{
    private static WorkingCalendar From(params (string Key, string Value)[] settings) =>
        CalendarExtensions.CalendarOf(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Without_configuration_the_shipped_calendar_applies()
    {
        Assert.Same(WorkingCalendar.Shipped, From());
    }

    [Fact]
    public void A_configured_year_is_added_and_counts()
    {
        var calendar = From(("Calendar:Holidays:2027", "2027-10-01..2027-10-07"), ("Calendar:WorkingWeekends:2027", "2027-10-09"));
        Assert.True(calendar.Covers(2027));
        // Thu 2027-09-30: 10-01…10-07 off, Fri 10-08 (1), Sat 10-09 worked (2), Mon 10-11 (3).
        Assert.Equal(new DateOnly(2027, 10, 11), calendar.AddWorkingDays(new DateOnly(2027, 9, 30), 3));
    }

    [Fact]
    public void A_configured_year_replaces_the_shipped_holidays_of_that_year()
    {
        var calendar = From(("Calendar:Holidays:2026", "2026-01-01"));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 8)));   // still a Thursday
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));   // no longer listed
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));  // the shipped worked Saturday stays
    }

    [Theory]
    [InlineData("Calendar:Holidays:2027", "2027-13-01", "2027-13-01")]
    [InlineData("Calendar:Holidays:2027", "2028-01-01", "not in 2027")]
    [InlineData("Calendar:WorkingWeekends:2027", "2027-10-08", "Friday")]
    [InlineData("Calendar:Holidays:next", "2027-01-01", "'next' is not a year")]
    public void A_bad_entry_stops_the_start_naming_it(string key, string value, string expected)
    {
        var error = Assert.Throws<CalendarException>(() => From((key, value)));
        Assert.Contains(expected, error.Message);
    }
}
