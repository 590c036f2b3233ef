using CreditGrid.Core.Emergency;

namespace CreditGrid.Core.Tests.Emergency;

/// <summary>L3378 severities and who responds to them (L3386).</summary>
public class SeverityTests
{
    [Theory]
    [InlineData("一般", Severity.General)]
    [InlineData("较大", Severity.Large)]
    [InlineData("重大", Severity.Major)]
    [InlineData("特别重大", Severity.ExtraordinarilyMajor)]
    public void Chinese_name_parses_and_formats_back(string name, Severity severity)
    {
        Assert.True(Severities.TryParse(name, out var parsed));
        Assert.Equal(severity, parsed);
        Assert.Equal(severity, Severities.Parse(name));
        Assert.Equal(name, severity.ToChinese());
    }

    [Theory]
    [InlineData("特大")]
    [InlineData("major")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_severity_name_does_not_parse(string? name)
    {
        Assert.False(Severities.TryParse(name, out _));
    }

    [Fact]
    public void Parse_of_an_unknown_name_throws_a_format_exception_naming_it()
    {
        var ex = Assert.Throws<FormatException>(() => Severities.Parse("特大"));
        Assert.Contains("特大", ex.Message);
    }

    [Fact]
    public void Severities_run_from_general_to_extraordinarily_major()
    {
        Assert.Equal([Severity.General, Severity.Large, Severity.Major, Severity.ExtraordinarilyMajor], Severities.All);
        Assert.True(Severity.ExtraordinarilyMajor > Severity.Major);
    }

    [Theory]
    [InlineData(Severity.General, Jurisdiction.District, "区委、区政府")]
    [InlineData(Severity.Large, Jurisdiction.City, "市委、市政府")]
    [InlineData(Severity.Major, Jurisdiction.CityAndProvince, "市委、市政府报请省委、省政府")]
    [InlineData(Severity.ExtraordinarilyMajor, Jurisdiction.CityAndProvince, "市委、市政府报请省委、省政府")]
    public void General_is_led_by_the_district_large_by_the_city_major_and_above_by_city_and_province(
        Severity severity, Jurisdiction expected, string chinese)
    {
        Assert.Equal(expected, severity.LeadingJurisdiction());
        Assert.Equal(chinese, severity.LeadingJurisdiction().ToChinese());
    }

    [Fact]
    public void An_undefined_severity_value_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Severity)9).ToChinese());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Severity)0).LeadingJurisdiction());
    }
}
