using k8s.Models;

namespace CreditGrid.Deploy.Tests;

/// <summary>
/// Every environment variable the manifests give the program is either read by the runtime, the framework or a
/// library (a short list below), or is a configuration key the program's source reads (ConfigurationKeys explains how
/// that is found). A misspelt key (Storage__ConectionString) would otherwise be ignored silently at run time.
/// </summary>
public class ConfigurationTests
{
    /// <summary>Read by ASP.NET Core / .NET hosting, Microsoft.Orleans.Hosting.Kubernetes or OpenTelemetry, not by the program's code.</summary>
    private static readonly HashSet<string> FrameworkVariables =
    [
        "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
        "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    ];

    private static bool IsFramework(string name) =>
        FrameworkVariables.Contains(name) || name.StartsWith("DOTNET_", StringComparison.Ordinal);

    /// <summary>The variables of the program's containers (Deployment and Job): env, and the keys of envFrom sources
    /// in every file of k8s/ (overlays' patches may add keys).</summary>
    public static TheoryData<string, string> ProgramVariables()
    {
        var data = new TheoryData<string, string>();
        var all = Manifests.ObjectFiles.SelectMany(f => Manifests.LoadFile(Repo.PathOf(f))).ToList();
        var containers = Manifests.OfType<V1Deployment>().Where(d => d.Metadata.Name == "creditgrid").SelectMany(d => d.Spec.Template.Spec.Containers.Select(c => ($"Deployment/{d.Metadata.Name}", c)))
            .Concat(Manifests.OfType<V1Job>().SelectMany(j => j.Spec.Template.Spec.Containers.Select(c => ($"Job/{j.Metadata.Name}", c))));
        var seen = new HashSet<(string, string)>();
        foreach (var (owner, c) in containers)
        {
            var names = (c.Env ?? []).Select(e => (Source: owner, e.Name)).ToList();
            foreach (var from in c.EnvFrom ?? [])
            {
                if (from.SecretRef is { } s)
                    names.AddRange(all.Select(m => m.Object).OfType<V1Secret>().Where(x => x.Metadata.Name == s.Name)
                        .SelectMany(x => (x.StringData?.Keys ?? []).Concat(x.Data?.Keys ?? [])).Select(k => ($"{owner} <- Secret/{s.Name}", from.Prefix + k)));
                if (from.ConfigMapRef is { } m)
                    names.AddRange(all.Select(o => o.Object).OfType<V1ConfigMap>().Where(x => x.Metadata.Name == m.Name)
                        .SelectMany(x => x.Data?.Keys ?? []).Select(k => ($"{owner} <- ConfigMap/{m.Name}", from.Prefix + k)));
            }
            foreach (var n in names) if (seen.Add(n)) data.Add(n.Source, n.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ProgramVariables))]
    public void EveryVariableIsReadByTheFrameworkOrTheProgram(string source, string name)
    {
        if (IsFramework(name)) return;
        var key = name.Replace("__", ":", StringComparison.Ordinal);
        Assert.True(ConfigurationKeys.Program.Reads(key),
            $"{source} sets {name}, but no source file under {string.Join(", ", ConfigurationKeys.SourceFolders)} reads configuration key {key}");
    }

    [Fact]
    public void TheVariablesTheDeploymentNeedsAreSet()
    {
        var names = ProgramVariables().Select(row => (string)row[1]).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "ASPNETCORE_URLS", "POD_NAME", "POD_NAMESPACE", "POD_IP", "Cluster__Mode", "Cluster__SiloPort", "Cluster__GatewayPort",
            "Storage__Provider", "Storage__ConnectionString", "PublicBaseUrl",
            "Auth__ApiKeys__0__Key", "Auth__ApiKeys__0__Department", "Auth__ApiKeys__0__Roles__0",
        }, names);
    }

    [Fact]
    public void TheScannerFindsTheProgramsKeys()
    {
        // Keys that exist in the program today (README, docs/design.md), read through literals, constants and binding.
        var program = ConfigurationKeys.Program;
        Assert.True(program.Reads("Storage:ConnectionString"));
        Assert.True(program.Reads("Storage:Provider"));
        Assert.True(program.Reads("Auth:ApiKeys:3:Roles:1"));
        Assert.True(program.Reads("PublicBaseUrl"));
        Assert.True(program.Reads("RateLimits:PublicPerMinute"));
        Assert.False(program.Reads("Storage:ConectionString"));
        Assert.False(program.Reads("Nothing:Here"));
    }

    [Fact]
    public void TheScannerResolvesConstantsAndBinding()
    {
        const string options = """
            public sealed class QueueOptions
            {
                public const string Section = "Queue";
                public int Depth { get; set; }
                public List<Item> Items { get; set; } = [];
            }
            public sealed class Item { public string Code { get; init; } = ""; }
            """;
        const string use = """
            static class Use
            {
                static void Go(IConfiguration configuration)
                {
                    var a = configuration[$"{QueueOptions.Section}:Limit"];
                    var b = configuration.GetValue<int>("Top", 1);
                    var c = configuration["Flat:Key"];
                    var d = configuration.GetSection("Nested:List");
                    Console.WriteLine("not a key: hello");
                }
            }
            """;
        var keys = ConfigurationKeys.FromTexts([options, use]);
        Assert.True(keys.Reads("Queue:Limit"));
        Assert.True(keys.Reads("Queue:Depth"));
        Assert.True(keys.Reads("Queue:Items:2:Code"));
        Assert.True(keys.Reads("Top"));
        Assert.True(keys.Reads("flat:key"));
        Assert.True(keys.Reads("Nested:List:0"));
        Assert.False(keys.Reads("Queue:Items:2:Nope"));
        Assert.False(keys.Reads("Depth"));
        Assert.False(keys.Reads("hello"));
    }
}
