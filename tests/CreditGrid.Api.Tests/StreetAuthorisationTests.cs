using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11 item 7, http-api Conventions: an action on a street resource of another department is 403, checked before
/// any state conflict (409) or rule (422); the first verdict is open to any reporter.
/// </summary>
public class StreetAuthorisationTests(GridHost grid) : IClassFixture<GridHost>
{
    private const string R = GridHost.Reporter, T = GridHost.TaxReporter, C = GridHost.CreditCenter;
    private readonly StreetFixture _street = new(grid);

    [Fact]
    public async Task Any_reporter_gives_the_first_verdict_and_then_owns_it()
    {
        var merchant = await _street.Merchant();
        var complaint = await _street.Complaint(merchant);
        Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/complaints/{complaint}/verdict", new { substantiated = true }, T)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _street.Post($"/api/v1/complaints/{complaint}/verdict", new { substantiated = false }, R)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _street.Post($"/api/v1/complaints/{complaint}/resolve", new { }, R)).StatusCode);
        Assert.Equal("yellow", await _street.Color(merchant));
        Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/complaints/{complaint}/resolve", new { }, T)).StatusCode);
        Assert.Equal("blue", await _street.Color(merchant));
    }

    [Fact]
    public async Task Another_department_on_a_resolved_complaint_is_403_not_409()
    {
        var merchant = await _street.Merchant();
        var complaint = await _street.SubstantiatedComplaint(merchant, R);
        Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/complaints/{complaint}/resolve", new { }, R)).StatusCode);
        var other = await _street.Post($"/api/v1/complaints/{complaint}/verdict", new { substantiated = false }, T);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("区市场监管局", (await other.Body()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await _street.Post($"/api/v1/complaints/{complaint}/verdict", new { substantiated = false }, R)).StatusCode);
    }

    [Fact]
    public async Task Another_department_rectifying_is_403_before_a_bad_date_or_a_repeat()
    {
        var merchant = await _street.Merchant();
        await _street.Inspect(merchant, "f-own", R);
        // 2026-11-01 is before the inspection (422 for the owner), but another department learns only that it is not its finding.
        Assert.Equal(HttpStatusCode.Forbidden, (await _street.Post($"/api/v1/merchants/{merchant}/findings/f-own/rectify", new { rectifiedAt = "2026-11-01" }, T)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _street.Post($"/api/v1/merchants/{merchant}/findings/f-own/rectify", new { rectifiedAt = "2026-11-01" }, R)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/merchants/{merchant}/findings/f-own/rectify", new { rectifiedAt = "2026-11-28" }, R)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _street.Post($"/api/v1/merchants/{merchant}/findings/f-own/rectify", new { rectifiedAt = "2026-11-28" }, T)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/merchants/{merchant}/findings/f-own/rectify", new { rectifiedAt = "2026-11-28" }, C)).StatusCode);
    }

    [Fact]
    public async Task The_credit_centre_may_overturn_any_verdict()
    {
        var merchant = await _street.Merchant();
        var complaint = await _street.SubstantiatedComplaint(merchant, R);
        Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/complaints/{complaint}/verdict", new { substantiated = false }, C)).StatusCode);
        Assert.Equal("blue", await _street.Color(merchant));
    }
}
