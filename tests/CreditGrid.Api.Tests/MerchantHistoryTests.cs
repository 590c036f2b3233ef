using System.Net;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11 item 13: a merchant's state stays bounded however many complaints and reviews it gets; what it no longer
/// needs moves to the archive table, and its colour, page and complaint ids stay right.
/// </summary>
public abstract class MerchantHistoryContract(GridHost grid)
{
    private const string R = GridHost.Reporter, T = GridHost.TaxReporter;
    private readonly StreetFixture _street = new(grid);

    private async Task<long> Scalar(string sql, string merchant)
    {
        await using var connection = await grid.Service<Database>().Open();
        await using var command = Database.Command(connection, sql, null, ("@m", merchant), ("@like", "%" + merchant));
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private Task<long> StateBytes(string merchant) => Scalar(grid.Service<Database>().IsPostgres
        ? "SELECT length(payload) FROM orleans_grain_state WHERE state_name = 'merchant' AND grain_id_ext LIKE @like"
        : "SELECT length(PayloadBinary) FROM OrleansGrainState WHERE GrainTypeString = 'merchant' AND GrainIdExtensionString LIKE @like", merchant);

    private async Task<List<string>> Batch(string merchant, int offset)
    {
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
            Assert.Equal(HttpStatusCode.Created, (await grid.Client().PostAsync($"/api/v1/merchants/{merchant}/reviews",
                Calls.Json(new { stars = (offset + i) % 5 + 1, text = "评价" + (offset + i) }))).StatusCode);
        for (var i = 0; i < 25; i++)
        {
            var id = await _street.Complaint(merchant);
            Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/complaints/{id}/verdict", new { substantiated = false }, R)).StatusCode);
            ids.Add(id);
        }
        return ids;
    }

    [Fact]
    public async Task Many_complaints_and_reviews_keep_the_merchant_state_bounded_and_colour_and_page_right()
    {
        var merchant = await _street.Merchant();
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = merchant, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });
        var first = await _street.SubstantiatedComplaint(merchant, R);
        Assert.Equal(HttpStatusCode.OK, (await _street.Post($"/api/v1/complaints/{first}/resolve", new { }, R)).StatusCode);
        Assert.Equal("blue", await _street.Color(merchant)); // §7: a substantiated complaint in the last 12 months keeps it off red

        var early = await Batch(merchant, 0);
        await Batch(merchant, 30); // by now the state holds as much as it ever will
        var size = await StateBytes(merchant);
        var late = await Batch(merchant, 60);
        var grown = await StateBytes(merchant);
        Assert.True(size > 0 && grown <= size * 1.1, $"the merchant state grew from {size} to {grown} bytes with 55 more complaints and reviews");

        // 75 unfounded complaints: the newest 20 stay; the substantiated one stays inside its 12 months. 90 reviews: the newest 50 stay.
        Assert.Equal(55, await Scalar("SELECT COUNT(*) FROM merchant_complaint_archive WHERE merchant_id = @m", merchant));
        Assert.Equal(40, await Scalar("SELECT COUNT(*) FROM merchant_review_archive WHERE merchant_id = @m", merchant));
        Assert.Equal("blue", await _street.Color(merchant));
        Assert.Equal($"{merchant}-C76", late[^1]); // ids keep counting across the archive

        var html = await grid.Client().GetStringAsync($"/m/{merchant}");
        Assert.Contains("平均 3.0 星，共 90 条", html); // every review counts, archived or not

        // An archived complaint is closed: its department gets 409, another department 403.
        Assert.Equal(HttpStatusCode.Conflict, (await _street.Post($"/api/v1/complaints/{early[0]}/verdict", new { substantiated = true }, R)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _street.Post($"/api/v1/complaints/{early[0]}/verdict", new { substantiated = true }, T)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _street.Post($"/api/v1/complaints/{merchant}-C99/verdict", new { substantiated = true }, R)).StatusCode);
    }
}

public class MerchantHistoryTests(GridHost grid) : MerchantHistoryContract(grid), IClassFixture<GridHost>;

/// <summary>The same on PostgreSQL: the archive tables and their writes on the production provider.</summary>
public class PostgresMerchantHistoryTests(PostgresGridHost grid) : MerchantHistoryContract(grid), IClassFixture<PostgresGridHost>;

/// <summary>A host with the shipped cap: 3 open complaints per merchant a day from one address.</summary>
public sealed class ComplaintCapGridHost : GridHost
{
    protected override int ComplaintsPerMerchantPerDay => 3;
}

public class ComplaintCapTests(ComplaintCapGridHost grid) : IClassFixture<ComplaintCapGridHost>
{
    [Fact]
    public async Task A_fourth_open_complaint_from_one_address_on_one_day_is_429_in_JSON_and_on_the_page()
    {
        var street = new StreetFixture(grid);
        var merchant = await street.Merchant();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await street.Complaint(merchant));

        var json = await grid.Client().PostAsync($"/api/v1/merchants/{merchant}/complaints", Calls.Json(new { text = "第四条" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("3条", (await json.Body()).GetProperty("detail").GetString());

        var form = await grid.Client().PostAsync($"/m/{merchant}/complaints", new FormUrlEncodedContent([new("text", "第四条"), new("contact", "")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("第四条", await grid.Client().GetStringAsync($"/m/{merchant}")); // nothing stored

        // The cap counts open complaints: one closed by a verdict makes room; another merchant has its own count.
        Assert.Equal(HttpStatusCode.OK, (await street.Post($"/api/v1/complaints/{ids[0]}/verdict", new { substantiated = false }, GridHost.Reporter)).StatusCode);
        await street.Complaint(merchant);
        await street.Complaint(await street.Merchant());
    }
}
