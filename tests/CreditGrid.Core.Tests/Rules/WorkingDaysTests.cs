using CreditGrid.Core.Rules;

namespace CreditGrid.Core.Tests.Rules;

public class WorkingDaysTests
{
    private static readonly HashSet<DateOnly> None = [];

    [Fact]
    public void Three_working_days_from_a_Friday_is_the_next_Wednesday_L815()
    {
        var friday = new DateOnly(2026, 11, 27);
        Assert.Equal(new DateOnly(2026, 12, 2), WorkingDays.Add(friday, WorkingDays.ObjectionDays(needsOtherUnits: false), None));
    }

    [Fact]
    public void Seven_working_days_when_other_units_must_verify()
    {
        var monday = new DateOnly(2026, 11, 30);
        Assert.Equal(new DateOnly(2026, 12, 9), WorkingDays.Add(monday, WorkingDays.ObjectionDays(needsOtherUnits: true), None));
    }

    [Fact]
    public void Configured_holidays_are_skipped()
    {
        var friday = new DateOnly(2026, 9, 25);
        var holidays = new HashSet<DateOnly> { new(2026, 10, 1), new(2026, 10, 2), new(2026, 9, 28) };
        // Mon 28 holiday → Tue 29, Wed 30, Thu 1 holiday, Fri 2 holiday → Mon 5
        Assert.Equal(new DateOnly(2026, 10, 5), WorkingDays.Add(friday, 3, holidays));
    }
}
