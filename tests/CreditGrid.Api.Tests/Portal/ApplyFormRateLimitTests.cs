using System.Net;

namespace CreditGrid.Api.Tests.Portal;

/// <summary>
/// Issue 15 item 5: the /credit/apply HTML form past RateLimits:PublicPerMinute (http-api "Authentication and roles")
/// answers the Chinese 429 page, and nothing is stored.
/// </summary>
public sealed class ApplyFormRateLimitTests(ApplyFormRateLimitTests.Host grid) : IClassFixture<ApplyFormRateLimitTests.Host>
{
    public sealed class Host : GridHost
    {
        protected override int RateLimit => 3;
    }

    private static FormUrlEncodedContent Form(string enterprise, string recordId, string contact) => new(new Dictionary<string, string>
    {
        ["type"] = "objection", ["subjectKind"] = "enterprise", ["subjectId"] = enterprise, ["recordId"] = recordId, ["reason"] = "罚款金额有误", ["contact"] = contact,
    });

    private async Task<long> Stored() =>
        (await (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/applications")).Body()).GetProperty("total").GetInt64();

    [Fact]
    public async Task The_fourth_form_post_from_one_address_in_a_minute_is_the_Chinese_429_page_and_stores_nothing()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var recordId = (await grid.PushApplied(Calls.Fine(enterprise))).GetProperty("recordIds")[0].GetString()!;
        var before = await Stored();
        for (var i = 0; i < 3; i++) // no contact: 422, nothing stored, but each counts against the limit
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await grid.Client().PostAsync("/credit/apply", Form(enterprise, recordId, ""))).StatusCode);

        var limited = await grid.Client().PostAsync("/credit/apply", Form(enterprise, recordId, "13912345678"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Headers.RetryAfter?.Delta);
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<h1>请求过于频繁</h1>", html);
        Assert.Contains("同一地址每分钟最多提交3次投诉、评价或申请，请稍后再试。", html);
        Assert.DoesNotContain("13912345678", html);
        Assert.Equal(before, await Stored());
    }
}
