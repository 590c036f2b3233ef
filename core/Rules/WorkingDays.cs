namespace CreditGrid.Core.Rules;

/// <summary>Objection due dates in working days (L815): Monday-Friday, minus configured holidays.</summary>
public static class WorkingDays
{
    /// <summary>L815: 3 working days when the credit centre handles it alone, 7 when other units must verify.</summary>
    public static int ObjectionDays(bool needsOtherUnits) => needsOtherUnits ? 7 : 3;

    /// <summary>L815: an upheld objection is corrected or deleted within 2 further working days.</summary>
    public const int CorrectionDays = 2;

    public static DateOnly Add(DateOnly from, int workingDays, IReadOnlySet<DateOnly> holidays)
    {
        var d = from;
        for (var added = 0; added < workingDays;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d, holidays)) added++;
        }
        return d;
    }

    public static bool IsWorkingDay(DateOnly d, IReadOnlySet<DateOnly> holidays) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d);
}
