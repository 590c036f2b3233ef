using CreditGrid.Core.Calendar;
using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>L815 objection deadlines in working days of the official calendar (domain-rules §5), worked by hand.</summary>
public class WorkingDaysTests
{
    private static readonly WorkingCalendar Official = WorkingCalendar.Shipped;

    [Fact]
    public void Three_working_days_from_a_Friday_is_the_next_Wednesday_L815()
    {
        var friday = new DateOnly(2026, 11, 27);
        Assert.Equal(new DateOnly(2026, 12, 2), WorkingDays.ObjectionDue(friday, needsOtherUnits: false, Official));
    }

    [Fact]
    public void Seven_working_days_when_other_units_must_verify()
    {
        var monday = new DateOnly(2026, 11, 30);
        Assert.Equal(new DateOnly(2026, 12, 9), WorkingDays.ObjectionDue(monday, needsOtherUnits: true, Official));
    }

    [Fact]
    public void National_Day_2025_three_working_days_from_30_September_end_on_the_worked_Saturday_11_October()
    {
        // 10-01…10-08 off; Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 worked (3). Monday-Friday alone would say 10-03.
        Assert.Equal(new DateOnly(2025, 10, 11), WorkingDays.ObjectionDue(new DateOnly(2025, 9, 30), false, Official));
    }

    [Fact]
    public void National_Day_2025_seven_working_days_from_30_September_end_on_16_October()
    {
        // 10-09, 10-10, 10-11 (worked Saturday), then Mon 10-13 … Thu 10-16 is the 7th.
        Assert.Equal(new DateOnly(2025, 10, 16), WorkingDays.ObjectionDue(new DateOnly(2025, 9, 30), true, Official));
    }

    [Fact]
    public void The_worked_Sunday_28_September_2025_counts()
    {
        // Received Fri 09-26: Sun 09-28 worked (1), Mon 09-29 (2), Tue 09-30 (3).
        Assert.Equal(new DateOnly(2025, 9, 30), WorkingDays.ObjectionDue(new DateOnly(2025, 9, 26), false, Official));
        // The 2-day correction after an objection upheld on Thu 09-25: Fri 09-26 (1), Sun 09-28 (2).
        Assert.Equal(new DateOnly(2025, 9, 28), WorkingDays.CorrectionDue(new DateOnly(2025, 9, 25), Official));
    }

    [Fact]
    public void Spring_Festival_2026_skips_15_to_23_February_and_counts_the_worked_Saturdays()
    {
        // Received Thu 02-12: Fri 02-13 (1), Sat 02-14 worked (2), 02-15…02-23 off, Tue 02-24 (3).
        Assert.Equal(new DateOnly(2026, 2, 24), WorkingDays.ObjectionDue(new DateOnly(2026, 2, 12), false, Official));
        // Received Fri 02-13: Sat 02-14 (1), 02-24 (2), 02-25 (3), 02-26 (4), 02-27 (5), Sat 02-28 worked (6), Mon 03-02 (7).
        Assert.Equal(new DateOnly(2026, 3, 2), WorkingDays.ObjectionDue(new DateOnly(2026, 2, 13), true, Official));
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void The_shipped_calendar_covers_each_published_year_with_its_source(int year)
    {
        var lists = Official.Year(year);
        Assert.NotNull(lists);
        Assert.Contains($"{year}年部分节假日安排", lists!.Source);
        Assert.Contains(new DateOnly(year, 10, 1), lists.Holidays);
        Assert.All(lists.WorkingWeekends, d => Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Fact]
    public void Outside_the_shipped_years_Monday_to_Friday_applies()
    {
        Assert.False(Official.Covers(2031));
        Assert.False(Official.IsWorkingDay(new DateOnly(2031, 10, 4))); // a Saturday
        Assert.True(Official.IsWorkingDay(new DateOnly(2031, 10, 1)));  // a Wednesday, no list for 2031
    }

    [Fact]
    public void A_date_in_both_lists_is_refused()
    {
        var both = new DateOnly(2027, 2, 6);
        var error = Assert.Throws<CalendarException>(() => Official.With([new WorkingCalendar.YearLists(2027,
            new HashSet<DateOnly> { both }, new HashSet<DateOnly> { both }, "test")]));
        Assert.Contains("2027-02-06", error.Message);
    }
}
