using CreditGrid.Core.Rules;
using static CreditGrid.Core.Tests.Rules.Records;

namespace CreditGrid.Core.Tests.Rules;

/// <summary>L2453: +3 per full year without a sanction, at most +15 (interpretation of timing: domain-rules §4).</summary>
public class PersonBonusTests
{
    private static readonly SubjectProfile Registered2024 = PersonRegistered(new DateOnly(2024, 6, 1));

    [Fact]
    public void No_bonus_in_the_registration_year_or_before_a_full_year_has_passed()
    {
        Assert.Equal(1000, Eval(Registered2024, new DateOnly(2024, 12, 31)).Score);
        Assert.Equal(1000, Eval(Registered2024, new DateOnly(2025, 12, 31)).Score);
    }

    [Fact]
    public void Each_clean_calendar_year_adds_3()
    {
        var e = Eval(Registered2024, new DateOnly(2026, 1, 1));
        Assert.Equal(3, e.Bonus);
        Assert.Equal(1003, e.Score);
        Assert.Equal(1006, Eval(Registered2024, Today.AddYears(1)).Score);
    }

    [Fact]
    public void The_bonus_stops_at_15()
    {
        var old = PersonRegistered(new DateOnly(2010, 1, 1));
        Assert.Equal(1015, Eval(old, Today).Score);
    }

    [Fact]
    public void A_year_with_a_sanction_earns_nothing_even_after_the_sanction_expired_or_was_repaired()
    {
        var fine = Make("P-PEN-FINE-UPTO-500", new DateOnly(2025, 3, 1)) with { State = RecordState.Repaired, StateChangedAt = new DateOnly(2025, 4, 1) };
        var e = Eval(Registered2024, new DateOnly(2027, 1, 2), fine);
        Assert.Equal(3, e.Bonus); // 2025 had a sanction, 2026 was clean
    }

    [Fact]
    public void A_revoked_sanction_does_not_cost_the_year()
    {
        var fine = Make("P-PEN-FINE-UPTO-500", new DateOnly(2025, 3, 1)) with { State = RecordState.Revoked, StateChangedAt = new DateOnly(2025, 4, 1) };
        Assert.Equal(6, Eval(Registered2024, new DateOnly(2027, 1, 2), fine).Bonus);
    }

    [Fact]
    public void Score_equals_1000_plus_effective_points_plus_bonus()
    {
        var e = Eval(Registered2024, new DateOnly(2027, 1, 2), Make("P-AWARD-DISTRICT-GOV", new DateOnly(2026, 12, 1)));
        Assert.Equal(1000 + 5 + 6, e.Score);
    }

    [Fact]
    public void The_bonus_can_change_on_new_years_day()
    {
        Assert.Equal(new DateOnly(2027, 1, 1), Eval(Registered2024, Today).NextChangeAt);
    }
}
