using System.Text.Json.Nodes;
using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>The loader refuses bad reference data and names the file and item (docs/emergency-data.md).</summary>
public class EmergencyDataLoaderTests
{
    private static Dictionary<string, string> EmbeddedTexts()
    {
        var assembly = typeof(EmergencyReference).Assembly;
        return EmergencyDataLoader.Files.ToDictionary(f => f, f =>
        {
            using var stream = assembly.GetManifestResourceStream($"CreditGrid.Core.Emergency.{f}")!;
            return new StreamReader(stream).ReadToEnd();
        });
    }

    private static EmergencyDataException LoadWith(string file, Action<JsonArray> change)
    {
        var texts = EmbeddedTexts();
        var array = JsonNode.Parse(texts[file])!.AsArray();
        change(array);
        texts[file] = array.ToJsonString();
        return Assert.Throws<EmergencyDataException>(() => EmergencyDataLoader.Load(texts));
    }

    [Fact]
    public void The_embedded_files_load()
    {
        var reference = EmergencyDataLoader.LoadEmbedded();
        Assert.Equal(55, reference.EventTypes.Count);
        Assert.Same(EmergencyReference.Default, EmergencyReference.Default);
    }

    [Fact]
    public void A_type_with_an_unknown_category_is_refused_by_name()
    {
        var ex = LoadWith("event-types.json", a => a[11]!["category"] = "事故");
        Assert.Contains("event-types.json", ex.Message);
        Assert.Contains("危险化学品事故", ex.Message);
        Assert.Contains("事故", ex.Message);
    }

    [Fact]
    public void A_type_without_lead_departments_is_refused_by_name()
    {
        var ex = LoadWith("event-types.json", a => a[2]!["leadDepartments"] = new JsonArray());
        Assert.Contains("地震灾害", ex.Message);
        Assert.Contains("leadDepartments", ex.Message);
    }

    [Fact]
    public void A_duplicated_type_is_refused()
    {
        var ex = LoadWith("event-types.json", a => a.Add(a[0]!.DeepClone()));
        Assert.Contains("防汛抗旱防台风", ex.Message);
    }

    [Fact]
    public void A_missing_required_field_is_refused_with_its_position()
    {
        var ex = LoadWith("medical-units.json", a => a[3]!.AsObject().Remove("phone"));
        Assert.Contains("medical-units.json", ex.Message);
        Assert.Contains("$[3]", ex.Message);
    }

    [Fact]
    public void A_misspelt_field_is_refused()
    {
        var ex = LoadWith("shelters.json", a => a[0]!["capacity"] = 5000);
        Assert.Contains("shelters.json", ex.Message);
    }

    [Fact]
    public void A_bad_phone_number_is_refused_by_name()
    {
        var ex = LoadWith("fire-stations.json", a => a[1]!["phone"] = "2279862");
        Assert.Contains("潘南路消防救援站", ex.Message);
    }

    [Fact]
    public void A_seed_line_outside_the_plan_is_refused_by_name()
    {
        var ex = LoadWith("warehouses.json", a => a[0]!["seedLine"] = 12);
        Assert.Contains("张店区发展改革局救灾物资储备库", ex.Message);
        Assert.Contains("seedLine", ex.Message);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var texts = EmbeddedTexts();
        texts.Remove("shelters.json");
        var ex = Assert.Throws<EmergencyDataException>(() => EmergencyDataLoader.Load(texts));
        Assert.Contains("shelters.json", ex.Message);
    }
}
