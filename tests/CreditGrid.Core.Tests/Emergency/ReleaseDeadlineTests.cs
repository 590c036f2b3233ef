using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>L3502 information release: 特别重大/重大 need authoritative information within 5 h and a press conference within 24 h.</summary>
public class ReleaseDeadlineTests
{
    private static readonly DateTimeOffset OccurredAt = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Severity.Major)]
    [InlineData(Severity.ExtraordinarilyMajor)]
    public void Major_and_above_get_authoritative_release_by_5h_and_press_conference_by_24h(Severity severity)
    {
        var deadlines = ReleaseDeadlines.For(severity, OccurredAt);

        Assert.Collection(deadlines,
            d =>
            {
                Assert.Equal("authoritative", d.Kind);
                Assert.Equal(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero), d.DueAt);
            },
            d =>
            {
                Assert.Equal("press-conference", d.Kind);
                Assert.Equal(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero), d.DueAt);
            });
    }

    [Theory]
    [InlineData(Severity.Large)]
    [InlineData(Severity.General)]
    public void Large_and_general_events_have_no_release_deadlines(Severity severity)
    {
        Assert.Empty(ReleaseDeadlines.For(severity, OccurredAt));
    }

    [Fact]
    public void Deadlines_keep_the_offset_of_the_event_time()
    {
        var local = new DateTimeOffset(2026, 11, 28, 16, 0, 0, TimeSpan.FromHours(8));
        var authoritative = ReleaseDeadlines.For(Severity.Major, local)[0];
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 21, 0, 0, TimeSpan.FromHours(8)), authoritative.DueAt);
    }

    [Fact]
    public void An_authoritative_release_not_done_5h_after_the_event_is_overdue()
    {
        var authoritative = ReleaseDeadlines.For(Severity.Major, OccurredAt)[0];
        Assert.False(authoritative.IsOverdue(OccurredAt.AddHours(4.9), doneAt: null));
        Assert.False(authoritative.IsOverdue(OccurredAt.AddHours(5), doneAt: null));
        Assert.True(authoritative.IsOverdue(OccurredAt.AddHours(5).AddSeconds(1), doneAt: null));
    }

    [Fact]
    public void A_release_done_in_time_stays_on_time_and_a_late_one_stays_overdue()
    {
        var press = ReleaseDeadlines.For(Severity.ExtraordinarilyMajor, OccurredAt)[1];
        Assert.False(press.IsOverdue(OccurredAt.AddDays(3), doneAt: OccurredAt.AddHours(20)));
        Assert.True(press.IsOverdue(OccurredAt.AddDays(3), doneAt: OccurredAt.AddHours(25)));
    }

    [Theory]
    [InlineData("authoritative", true)]
    [InlineData("press-conference", true)]
    [InlineData("press", false)]
    [InlineData(null, false)]
    public void Only_the_two_wire_kinds_are_release_kinds(string? kind, bool valid)
    {
        Assert.Equal(valid, ReleaseKinds.IsValid(kind));
    }
}
