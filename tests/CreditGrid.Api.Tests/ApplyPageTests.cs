using System.Net;
using System.Text.RegularExpressions;

namespace CreditGrid.Api.Tests;

/// <summary>Issue 15 item 5: the 异议与修复 pages of 信用张店 work as plain HTML forms (no JavaScript).</summary>
public sealed partial class ApplyPageTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task The_form_gives_a_number_and_code_once_and_the_tracking_page_shows_the_status_only_with_the_code()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var recordId = (await grid.PushApplied(Calls.Fine(enterprise))).GetProperty("recordIds")[0].GetString()!;
        var client = grid.Client();
        var form = await client.GetStringAsync($"/credit/apply?subjectKind=enterprise&subjectId={enterprise}&recordId={Uri.EscapeDataString(recordId)}");
        Assert.Contains("第二十七条", form);
        Assert.Contains($"value=\"{enterprise}\"", form);

        var bad = await client.PostAsync("/credit/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["type"] = "objection", ["subjectKind"] = "enterprise", ["subjectId"] = enterprise, ["recordId"] = recordId, ["reason"] = "罚款金额有误", ["contact"] = "",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请留下联系电话或电子邮箱", badHtml);
        Assert.Contains("罚款金额有误", badHtml); // what was typed is kept

        var done = await client.PostAsync("/credit/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["type"] = "objection", ["subjectKind"] = "enterprise", ["subjectId"] = enterprise, ["recordId"] = recordId, ["reason"] = "罚款金额有误", ["contact"] = "13912345678",
        }));
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        var id = IdPattern().Match(html).Groups[1].Value;
        var code = CodePattern().Match(html).Groups[1].Value;
        Assert.Matches("^SQ[0-9]{14}$", id);
        Assert.Equal(10, code.Length);

        var ask = await client.GetStringAsync($"/credit/apply/{id}");
        Assert.Contains("查询码", ask);
        Assert.DoesNotContain("已提交", ask);
        var wrong = await client.PostAsync($"/credit/apply/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "2222222222" }));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("查询码不正确", await wrong.Content.ReadAsStringAsync());
        var status = await client.PostAsync("/credit/apply/track", new FormUrlEncodedContent(new Dictionary<string, string> { ["applicationId"] = id, ["code"] = code }));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var statusHtml = await status.Content.ReadAsStringAsync();
        Assert.Contains("已提交，待受理", statusHtml);
        Assert.DoesNotContain("13912345678", statusHtml);
    }

    [GeneratedRegex("id=\"application-id\" class=\"mono\">([^<]+)<")]
    private static partial Regex IdPattern();

    [GeneratedRegex("id=\"tracking-code\" class=\"mono\">([^<]+)<")]
    private static partial Regex CodePattern();
}
