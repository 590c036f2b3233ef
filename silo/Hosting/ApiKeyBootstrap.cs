using System.Security.Cryptography;
using System.Text.Json;
using CreditGrid.Api.Auth;
using CreditGrid.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// http-api: the embedded default must not run open. With no Auth:ApiKeys configured, one key per role is generated
/// on first start into api-keys.json beside the database file, and its path is printed.
/// </summary>
public static class ApiKeyBootstrap
{
    private static readonly (string Role, string Department)[] Defaults =
    [
        (Roles.Reporter, "区市场监管局"),
        (Roles.CreditCenter, "区社会信用中心"),
        (Roles.Emergency, "区应急管理局"),
        (Roles.Operator, "区社会信用中心"),
    ];

    public static WebApplicationBuilder AddCreditGridApiKeys(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetSection("Auth:ApiKeys").GetChildren().Any()) return builder;

        var storage = StorageExtensions.StorageOf(builder.Configuration);
        if (!storage.IsSqlite)
            throw new InvalidOperationException("No API keys are configured (Auth:ApiKeys). Outside the embedded mode keys come from configuration, e.g. a Kubernetes Secret.");
        var dbFile = Path.GetFullPath(new SqliteConnectionStringBuilder(storage.EffectiveConnectionString).DataSource);
        var path = Path.Combine(Path.GetDirectoryName(dbFile)!, "api-keys.json");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var keys = Defaults.Select(d => new ApiKey
            {
                Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant(),
                Department = d.Department,
                Roles = [d.Role],
            }).ToList();
            File.WriteAllText(path, JsonSerializer.Serialize(new { Auth = new { ApiKeys = keys } }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Console.WriteLine($"CreditGrid: no API keys configured; generated one per role in {path}");
        }
        else
        {
            Console.WriteLine($"CreditGrid: no API keys configured; using the generated keys in {path}");
        }
        builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        return builder;
    }
}
