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
    public void A_sanction_reported_after_its_validity_ended_does_not_cost_the_year_L2469()
    {
        // A fine of 2025-03-01 (−5, valid 1 year: to 2026-03-01) reported on 2026-06-01: 不再作为诚信积分信息.
        // Registered 2024-06-01, evaluated 2027-01-02: 2025 and 2026 both clean → +6 (with the year lost: +3).
        var late = Make("P-PEN-FINE-UPTO-500", new DateOnly(2025, 3, 1)) with { ReportedAt = new DateOnly(2026, 6, 1) };
        var e = Eval(Registered2024, new DateOnly(2027, 1, 2), late);
        Assert.Equal(6, e.Bonus);
        Assert.Equal(1006, e.Score);
        Assert.Equal(0, e.Only().EffectivePoints);
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
