using CreditGrid.Core.Catalog;

namespace CreditGrid.Core.Tests.Catalog;

public class CatalogLoaderTests
{
    private const string Good = """
        { "code": "P-GOOD", "kind": "person", "category": "诚信守信信息", "group": "表彰信息", "name": "受到区委区政府表彰的",
          "points": 5, "polarity": "commendation", "level": "district", "reportable": true, "seedLine": 2620 }
        """;

    private static IndicatorCatalog Load(string personArray) =>
        CatalogLoader.Load(new Dictionary<string, string> { ["person"] = personArray });

    [Fact]
    public void A_valid_file_loads()
    {
        var catalog = Load($"[{Good}]");
        Assert.Equal(5, catalog.Get("P-GOOD").Points);
    }

    [Theory]
    [InlineData("""{ "code": "P-GOOD", "kind": "person", "category": "c", "group": "表彰信息", "name": "另一个", "points": 3, "polarity": "commendation", "level": "district", "reportable": true, "seedLine": 1 }""", "P-GOOD: duplicate code")]
    [InlineData("""{ "code": "P-TWIN", "kind": "person", "category": "c", "group": "表彰信息", "name": "受到区委区政府表彰的", "points": 3, "polarity": "commendation", "level": "district", "reportable": true, "seedLine": 1 }""", "P-TWIN: (group, name)")]
    [InlineData("""{ "code": "P-SIGN", "kind": "person", "category": "c", "group": "g", "name": "n", "points": -3, "polarity": "commendation", "level": "district", "reportable": true, "seedLine": 1 }""", "P-SIGN: points -3 do not match")]
    [InlineData("""{ "code": "P-RANGE", "kind": "person", "category": "c", "group": "g", "name": "n", "minPoints": -4, "maxPoints": -8, "polarity": "sanction", "reportable": true, "seedLine": 1 }""", "P-RANGE: a row without points")]
    [InlineData("""{ "code": "P-BAND", "kind": "person", "category": "c", "group": "g", "name": "n", "points": 2, "polarity": "commendation", "level": "other", "reportable": false, "bandOf": "P-NOPE", "seedLine": 1 }""", "P-BAND: bandOf 'P-NOPE' does not exist")]
    [InlineData("""{ "code": "P-LEVEL", "kind": "person", "category": "c", "group": "g", "name": "n", "points": 2, "polarity": "commendation", "reportable": true, "seedLine": 1 }""", "P-LEVEL: level is required")]
    [InlineData("""{ "code": "E-WRONG", "kind": "person", "category": "c", "group": "g", "name": "n", "points": 2, "polarity": "commendation", "level": "other", "reportable": true, "seedLine": 1 }""", "E-WRONG: code must start with P-")]
    [InlineData("""{ "code": "P-SPACE", "kind": "person", "category": "c", "group": "g", "name": "有 空格", "points": 2, "polarity": "commendation", "level": "other", "reportable": true, "seedLine": 1 }""", "P-SPACE: name and group carry no whitespace")]
    public void A_bad_entry_stops_the_load_with_a_message_naming_it(string bad, string expected)
    {
        var ex = Assert.Throws<CatalogException>(() => Load($"[{Good}, {bad}]"));
        Assert.StartsWith(expected, ex.Message);
    }

    [Fact]
    public void Malformed_json_is_reported_with_the_file()
    {
        var ex = Assert.Throws<CatalogException>(() => Load("[{"));
        Assert.StartsWith("person.json", ex.Message);
    }
}
