namespace CreditGrid.Deploy.Tests;

/// <summary>The repository this test runs from: the folder holding CreditGrid.sln above the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string K8s => Path.Combine(Root, "k8s");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CreditGrid.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No CreditGrid.sln above {AppContext.BaseDirectory}");
    }
}
