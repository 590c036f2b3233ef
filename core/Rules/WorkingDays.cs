using CreditGrid.Core.Calendar;

namespace CreditGrid.Core.Rules;

/// <summary>Objection due dates in working days of the official calendar (L815, domain-rules §5).</summary>
public static class WorkingDays
{
    /// <summary>L815: 3 working days when the credit centre handles it alone, 7 when other units must verify.</summary>
    public static int ObjectionDays(bool needsOtherUnits) => needsOtherUnits ? 7 : 3;

    /// <summary>L815: an upheld objection is corrected or deleted within 2 further working days.</summary>
    public const int CorrectionDays = 2;

    /// <summary>L815: the objection's due date, counted from the day it was received (that day not counted).</summary>
    public static DateOnly ObjectionDue(DateOnly receivedAt, bool needsOtherUnits, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(receivedAt, ObjectionDays(needsOtherUnits));

    /// <summary>L815: an upheld objection's correction is due 2 working days after it was upheld.</summary>
    public static DateOnly CorrectionDue(DateOnly upheldAt, WorkingCalendar calendar) => calendar.AddWorkingDays(upheldAt, CorrectionDays);
}
