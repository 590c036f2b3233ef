using System.Text.RegularExpressions;

namespace CreditGrid.Deploy.Tests;

/// <summary>The Dockerfile builds the image the manifests run (no Docker engine here: its text is checked).</summary>
public partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Repo.PathOf("Dockerfile"));

    private static IEnumerable<(string Instruction, string Arguments)> Instructions() => Regex
        .Replace(Dockerfile, @"\\\r?\n", " ")
        .Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(' ', 2))
        .Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? p[1].Trim() : ""));

    [Fact]
    public void BuildsWithTheSdkAndRunsOnTheAspNetRuntime()
    {
        var from = Instructions().Where(i => i.Instruction == "FROM").Select(i => i.Arguments.Split(' ')[0]).ToList();
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/aspnet:10.0"], from);
        var publish = Assert.Single(Instructions(), i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish")).Arguments;
        Assert.Matches(@"dotnet publish silo(/CreditGrid\.Silo\.csproj)? -c Release", publish);
        Assert.True(File.Exists(Repo.PathOf("silo", "CreditGrid.Silo.csproj")));
    }

    [Fact]
    public void The_published_silo_is_precompiled_ReadyToRun_for_linux_x64()
    {
        // Issue 16: no JIT storm at each scale-out; framework-dependent, so the aspnet runtime image still runs it.
        var publish = Assert.Single(Instructions(), i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish")).Arguments;
        Assert.Contains("-p:PublishReadyToRun=true", publish);
        Assert.Matches(@"(-r|--runtime) linux-x64", publish);
        Assert.Contains("--self-contained false", publish);
    }

    [Fact]
    public void RunsTheSiloAsANonRootUserOnTheManifestsPorts()
    {
        var runtime = Instructions().SkipWhile(i => !(i.Instruction == "FROM" && i.Arguments.Contains("aspnet"))).ToList();
        Assert.Equal("""["dotnet", "CreditGrid.Silo.dll"]""", Assert.Single(runtime, i => i.Instruction == "ENTRYPOINT").Arguments);
        var user = Assert.Single(runtime, i => i.Instruction == "USER").Arguments;
        Assert.DoesNotMatch("^(root|0)(:.*)?$", user);
        var exposed = runtime.Where(i => i.Instruction == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        Assert.Equal(Manifests.SiloContainer.Ports.Select(p => p.ContainerPort.ToString()).ToHashSet(), exposed);
        Assert.Contains(runtime, i => i.Instruction == "ENV" && i.Arguments.Contains("ASPNETCORE_URLS=http://+:8080"));
        // The manifests' runAsUser is the image's "app" user.
        Assert.Equal(1654, Manifests.Silos.Spec.Template.Spec.SecurityContext.RunAsUser);
    }

    [Fact]
    public void TheBuildContextKeepsTheSourcesAndDropsBuildOutput()
    {
        var ignored = File.ReadAllLines(Repo.PathOf(".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
        foreach (var needed in new[] { "silo", "core", "api", "dashboard", "Directory.Build.props", "Directory.Packages.props", "global.json" })
            Assert.DoesNotContain(ignored, p => p.TrimEnd('/') == needed || p.TrimEnd('/') == needed + "/**");
    }
}
