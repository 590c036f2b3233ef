using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>§3 rule 8: a 警告 scores on the 通报批评 row and its explanation says so (second reading, issue 12 item 8).</summary>
public class WarningTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task A_warning_scores_on_the_notice_row_minus_10_and_says_why()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-NOTICE", occurredAt = "2026-10-02", actionRef = "张市监罚〔2026〕88号", penaltyKind = "警告" });
        var subject = await grid.Subject("enterprise", id);
        Assert.Equal(990, subject.GetProperty("score").GetInt32());
        var record = Assert.Single(subject.GetProperty("records").EnumerateArray());
        Assert.Contains("警告", record.GetProperty("explanation").GetString());
        Assert.Contains("行政处罚法》第九条", record.GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task A_penalty_kind_on_another_row_is_422()
    {
        var response = await grid.Push(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = GridHost.NewEnterpriseId(), indicator = "E-PEN-FINE-10K-100K", occurredAt = "2026-10-02", penaltyKind = "警告" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Body()).GetProperty("errors").TryGetProperty("penaltyKind", out _));
    }
}
