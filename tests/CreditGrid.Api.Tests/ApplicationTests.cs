using System.Net;
using System.Text.Json;
using CreditGrid.Core;
using CreditGrid.Core.Applications;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 15 item 5, http-api "信用张店 public portal", domain-rules §10 (87号第二十七条、第二十八条): objection and repair
/// applications with a number and a private tracking code, the credit centre's queue, each step seen by the applicant.
/// </summary>
public sealed class ApplicationTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<(string Enterprise, string RecordId)> FinedEnterprise()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var applied = await grid.PushApplied(Calls.Fine(enterprise));
        return (enterprise, applied.GetProperty("recordIds")[0].GetString()!);
    }

    private async Task<(string Id, string Code)> Submit(string type, string enterprise, string recordId, string contact = "13812345678")
    {
        var response = await grid.Client().PostAsync("/api/v1/public/applications",
            Calls.Json(new { type, subjectKind = "enterprise", subjectId = enterprise, recordId, reason = "该处罚决定已被行政复议撤销", contact }));
        var body = await response.Body();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("submitted", body.GetProperty("status").GetString());
        return (body.GetProperty("applicationId").GetString()!, body.GetProperty("trackingCode").GetString()!);
    }

    private async Task<JsonElement> Track(string id, string code)
    {
        var response = await grid.Client().GetAsync($"/api/v1/public/applications/{id}?code={Uri.EscapeDataString(code)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }

    private static string[] Steps(JsonElement application) =>
        [.. application.GetProperty("history").EnumerateArray().Select(s => s.GetProperty("status").GetString()!)];

    [Fact]
    public async Task An_objection_application_is_accepted_as_an_objection_of_the_same_id_and_the_applicant_sees_it_upheld_with_the_code()
    {
        var (enterprise, recordId) = await FinedEnterprise();
        var (id, code) = await Submit("objection", enterprise, recordId);
        Assert.Matches("^SQ20261128[0-9]{6}$", id);
        Assert.Equal(10, code.Length);
        Assert.Equal("submitted", (await Track(id, code)).GetProperty("status").GetString());

        var wrong = await grid.Client().GetAsync($"/api/v1/public/applications/{id}?code=WRONGCODE2");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("查询码不正确", (await wrong.Body()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client().GetAsync($"/api/v1/public/applications/{id}")).StatusCode);

        var center = grid.Client(GridHost.CreditCenter);
        var queueText = await (await center.GetAsync("/api/v1/applications?status=submitted&pageSize=500")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("13812345678", queueText);
        var item = JsonDocument.Parse(queueText).RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("applicationId").GetString() == id);
        Assert.Equal("138****5678", item.GetProperty("contact").GetString());
        Assert.Equal(recordId, item.GetProperty("recordId").GetString());

        var accepted = await center.PostAsync($"/api/v1/applications/{id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var open = await accepted.Body();
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("2026-12-02", open.GetProperty("dueAt").GetString()); // received Saturday 2026-11-28: 3 working days (L815)
        var objections = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/objections?status=open")).Body();
        Assert.Contains(objections.EnumerateArray(), o => o.GetProperty("objectionId").GetString() == id && o.GetProperty("recordId").GetString() == recordId);

        Assert.Equal(HttpStatusCode.OK, (await center.PostAsync($"/api/v1/objections/{id}/resolve", Calls.Json(new { upheld = true, note = "经核实，原处罚已撤销" }))).StatusCode);
        var seen = await Track(id, code.ToLowerInvariant());
        Assert.Equal("upheld", seen.GetProperty("status").GetString());
        Assert.Equal(["submitted", "accepted", "open", "upheld"], Steps(seen));
        Assert.EndsWith("Z", seen.GetProperty("receivedAt").GetString());
        Assert.False(seen.TryGetProperty("contact", out _));
        Assert.Equal("revoked", (await grid.Subject("enterprise", enterprise)).GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_objections_working_days_count_from_the_day_the_application_was_received_and_a_dismissal_shows_as_dismissed()
    {
        var (enterprise, recordId) = await FinedEnterprise();
        // Received on Friday 2026-11-20 (stored as the portal stores it), accepted today (Saturday 2026-11-28).
        var received = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        var id = "SQ20261120" + Random.Shared.Next(0, 999_999).ToString("D6");
        const string code = "ABCDEFGHJK";
        Assert.True(await grid.Service<IApplicationRegistry>().Add(new CreditApplication(id, "objection", SubjectKind.Enterprise, enterprise, recordId,
            "金额有误", "zhang@example.cn", received, "submitted", null, [new ApplicationStep(received, "submitted", null)]), ApplicationCodes.Hash(id, code)));

        var accepted = await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/applications/{id}/accept", Calls.Json(new { needsOtherUnits = false }));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("2026-11-25", (await accepted.Body()).GetProperty("dueAt").GetString()); // 3 working days from 11-20, not from 11-28

        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/objections/{id}/resolve", Calls.Json(new { upheld = false }))).StatusCode);
        var seen = await Track(id, code);
        Assert.Equal("dismissed", seen.GetProperty("status").GetString());
        Assert.Equal("2026-11-25", seen.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task A_repair_application_stays_accepted_until_the_repair_names_it_and_another_is_refused_with_its_reason()
    {
        var (enterprise, recordId) = await FinedEnterprise();
        var (id, code) = await Submit("repair", enterprise, recordId);
        var center = grid.Client(GridHost.CreditCenter);
        var accepted = await center.PostAsync($"/api/v1/applications/{id}/accept", null);
        Assert.Equal("accepted", (await accepted.Body()).GetProperty("status").GetString());
        Assert.Equal("accepted", (await Track(id, code)).GetProperty("status").GetString());

        var repaired = await center.PostAsync($"/api/v1/records/{recordId}/repair", Calls.Json(new { repairedAt = "2026-11-27", reason = "已履行处罚决定", applicationId = id }));
        Assert.Equal(HttpStatusCode.OK, repaired.StatusCode);
        var seen = await Track(id, code);
        Assert.Equal("repaired", seen.GetProperty("status").GetString());
        Assert.Equal(["submitted", "accepted", "repaired"], Steps(seen));

        var (other, otherCode) = await Submit("repair", enterprise, recordId);
        var early = await center.PostAsync($"/api/v1/records/{recordId}/repair", Calls.Json(new { repairedAt = "2026-11-27", applicationId = other }));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("只有已受理的修复申请", (await early.Body()).GetProperty("detail").GetString());
        await center.PostAsync($"/api/v1/applications/{other}/accept", null);
        var noReason = await center.PostAsync($"/api/v1/applications/{other}/refuse", Calls.Json(new { }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("请写明理由", (await noReason.Body()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await center.PostAsync($"/api/v1/applications/{other}/refuse", Calls.Json(new { reason = "未提交履行证明" }))).StatusCode);
        var refused = await Track(other, otherCode);
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("未提交履行证明", refused.GetProperty("history")[2].GetProperty("note").GetString());
    }

    [Fact]
    public async Task A_rejected_application_shows_its_reason_and_accepting_it_afterwards_is_a_Chinese_409()
    {
        var (enterprise, recordId) = await FinedEnterprise();
        var (id, code) = await Submit("objection", enterprise, recordId);
        var center = grid.Client(GridHost.CreditCenter);
        Assert.Equal(HttpStatusCode.OK, (await center.PostAsync($"/api/v1/applications/{id}/reject", Calls.Json(new { reason = "申请人身份无法核实" }))).StatusCode);
        var seen = await Track(id, code);
        Assert.Equal("rejected", seen.GetProperty("status").GetString());
        Assert.Equal("申请人身份无法核实", seen.GetProperty("history")[1].GetProperty("note").GetString());

        var late = await center.PostAsync($"/api/v1/applications/{id}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("不予受理", (await late.Body()).GetProperty("detail").GetString());

        var reporter = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/applications/{id}/accept", null);
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await grid.Client().GetAsync("/api/v1/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await center.PostAsync("/api/v1/applications/SQ00000000000000/accept", null)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_in_Chinese_or_English_and_stores_nothing()
    {
        var (enterprise, recordId) = await FinedEnterprise();
        var center = grid.Client(GridHost.CreditCenter);
        var before = (await (await center.GetAsync("/api/v1/applications")).Body()).GetProperty("total").GetInt64();

        var badType = await grid.Client().PostAsync("/api/v1/public/applications",
            Calls.Json(new { type = "complaint", subjectKind = "enterprise", subjectId = enterprise, recordId, reason = "x", contact = "1" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badType.StatusCode);
        Assert.Contains("申请类型", (await badType.Body()).GetProperty("errors").GetProperty("type")[0].GetString());

        // Another subject's record gets the same answer as an unknown one.
        var other = GridHost.NewEnterpriseId();
        var english = grid.Client();
        english.DefaultRequestHeaders.Add("Accept-Language", "en");
        var wrongSubject = await english.PostAsync("/api/v1/public/applications",
            Calls.Json(new { type = "objection", subjectKind = "enterprise", subjectId = other, recordId, reason = "x", contact = "13800000000" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongSubject.StatusCode);
        Assert.Contains("No such record of this subject", (await wrongSubject.Body()).GetProperty("errors").GetProperty("recordId")[0].GetString());

        var noContact = await grid.Client().PostAsync("/api/v1/public/applications",
            Calls.Json(new { type = "repair", subjectKind = "enterprise", subjectId = enterprise, recordId, reason = "已整改" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noContact.StatusCode);
        Assert.Contains("联系电话", (await noContact.Body()).GetProperty("errors").GetProperty("contact")[0].GetString());

        Assert.Equal(before, (await (await center.GetAsync("/api/v1/applications")).Body()).GetProperty("total").GetInt64());
    }
}

/// <summary>RateLimits:PublicPerMinute (http-api "Authentication and roles") holds for applications per client address.</summary>
public sealed class ApplicationRateLimitTests(ApplicationRateLimitTests.Host grid) : IClassFixture<ApplicationRateLimitTests.Host>
{
    public sealed class Host : GridHost
    {
        protected override int RateLimit => 3;
    }

    [Fact]
    public async Task The_fourth_application_from_one_address_in_a_minute_is_a_Chinese_429()
    {
        var body = new { type = "objection", subjectKind = "enterprise", subjectId = GridHost.NewEnterpriseId(), recordId = "none", reason = "x", contact = "13800000000" };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await grid.Client().PostAsync("/api/v1/public/applications", Calls.Json(body))).StatusCode);
        var limited = await grid.Client().PostAsync("/api/v1/public/applications", Calls.Json(body));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("申请", (await limited.Body()).GetProperty("detail").GetString());
    }
}
