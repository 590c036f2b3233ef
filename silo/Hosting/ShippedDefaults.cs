using System.Reflection;
using Microsoft.Extensions.Configuration.Memory;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// The shipped appsettings.json, compiled into the program as its lowest-precedence settings (issue 11 item 9a): .NET
/// reads appsettings.json from the working folder, so a start from any other folder ran with no log levels at all and
/// logged every request URL at Information. An appsettings.json in the working folder (silo/ under
/// <c>dotnet run --project silo</c>, /app in the image), the environment and the command line still override it.
/// Paths in it (./data/) stay relative to the working folder, as README.md says (docs/design.md, "Operations").
/// </summary>
public static class ShippedDefaults
{
    private const string Resource = "CreditGrid.Silo.appsettings.json";

    public static ConfigurationManager AddShippedDefaults(this ConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Settings() });
        return configuration;
    }

    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded {Resource} is missing");
        return [.. new ConfigurationBuilder().AddJsonStream(stream).Build().AsEnumerable().Where(p => p.Value is not null)];
    }
}
