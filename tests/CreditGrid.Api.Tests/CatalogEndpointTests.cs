using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

public class CatalogEndpointTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task Healthz_answers_ok()
    {
        var response = await grid.Client().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("enterprise", 96)]
    [InlineData("official", 135)]
    [InlineData("person", 131)]
    [InlineData("merchant", 96)]
    public async Task The_catalogue_of_each_kind_is_public(string kind, int count)
    {
        var response = await grid.Client().GetAsync($"/api/v1/catalog/{kind}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(count, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Entries_are_camelCase_with_Chinese_text_as_is()
    {
        var text = await grid.Client().GetStringAsync("/api/v1/catalog/enterprise");
        Assert.Contains("\"name\":\"处以1万元至10万元（含）罚款行政处罚的\"", text);
        using var doc = JsonDocument.Parse(text);
        var fine = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "E-PEN-FINE-10K-100K");
        Assert.Equal(-40, fine.GetProperty("points").GetInt32());
        Assert.Equal("sanction", fine.GetProperty("polarity").GetString());
        Assert.Equal("行政处罚信息", fine.GetProperty("group").GetString());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_404_problem()
    {
        var response = await grid.Client().GetAsync("/api/v1/catalog/company");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, doc.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("company", doc.RootElement.GetProperty("detail").GetString());
    }
}
