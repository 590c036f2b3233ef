using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace CreditGrid.Deploy.Tests;

/// <summary>One Kubernetes object read from a file of k8s/.</summary>
internal sealed record Manifest(string File, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;
    public string Name => Object.Metadata.Name;
    public override string ToString() => $"{Kind}/{Name} ({Repo.Relative(File)})";
}

/// <summary>
/// Reads the manifests the way the API server would refuse them: every document strictly (an unknown or misspelt field
/// throws), typed by apiVersion and kind. kustomization.yaml files are kustomize's, not Kubernetes objects: they are
/// read as plain YAML and the resources they list are followed (files and folders), without running kustomize.
/// </summary>
internal static class Manifests
{
    public static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>Every YAML file under k8s/ that is not a kustomization, relative to the repository root.</summary>
    public static IReadOnlyList<string> ObjectFiles { get; } = Directory
        .EnumerateFiles(Repo.K8s, "*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
        .Where(f => !KustomizationNames.Contains(Path.GetFileName(f)))
        .Select(Repo.Relative)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every kustomization folder under k8s/, relative to the repository root.</summary>
    public static IReadOnlyList<string> KustomizationDirs { get; } = Directory
        .EnumerateFiles(Repo.K8s, "*", SearchOption.AllDirectories)
        .Where(f => KustomizationNames.Contains(Path.GetFileName(f)))
        .Select(f => Repo.Relative(Path.GetDirectoryName(f)!))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string BaseDir => Repo.PathOf("k8s", "base");

    private static readonly Lazy<IReadOnlyList<Manifest>> LazyBase = new(() => Resources(BaseDir));

    /// <summary>The objects k8s/base/kustomization.yaml lists, as written (before kustomize transforms them).</summary>
    public static IReadOnlyList<Manifest> Base => LazyBase.Value;

    public static List<object> LoadStrict(string file) =>
        KubernetesYaml.LoadAllFromString(File.ReadAllText(file), typeMap: null, strict: true);

    public static IReadOnlyList<Manifest> LoadFile(string file) => LoadStrict(file)
        .Select(o => new Manifest(file, o as IKubernetesObject<V1ObjectMeta>
            ?? throw new InvalidOperationException($"{Repo.Relative(file)}: {o.GetType().Name} is not an object with metadata")))
        .ToList();

    /// <summary>The objects of a kustomization folder's resources, following folders recursively.</summary>
    public static IReadOnlyList<Manifest> Resources(string kustomizationDir)
    {
        var result = new List<Manifest>();
        foreach (var entry in Kustomization.Read(kustomizationDir).Strings("resources"))
        {
            var path = Path.GetFullPath(Path.Combine(kustomizationDir, entry));
            result.AddRange(Directory.Exists(path) ? Resources(path) : LoadFile(path));
        }
        return result;
    }

    public static IEnumerable<T> OfType<T>() => Base.Select(m => m.Object).OfType<T>();

    public static T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        Assert.Single(OfType<T>(), o => o.Metadata.Name == name);

    public static V1Deployment Silos => Single<V1Deployment>("creditgrid");

    public static V1Container SiloContainer => Assert.Single(Silos.Spec.Template.Spec.Containers);

    /// <summary>Pod templates of the workloads, with their owner for messages.</summary>
    public static IEnumerable<(string Owner, V1PodTemplateSpec Template)> PodTemplates()
    {
        foreach (var d in OfType<V1Deployment>()) yield return ($"Deployment/{d.Metadata.Name}", d.Spec.Template);
        foreach (var s in OfType<V1StatefulSet>()) yield return ($"StatefulSet/{s.Metadata.Name}", s.Spec.Template);
        foreach (var j in OfType<V1Job>()) yield return ($"Job/{j.Metadata.Name}", j.Spec.Template);
    }
}

/// <summary>A kustomization.yaml read as plain YAML.</summary>
internal sealed class Kustomization(string dir, YamlMappingNode root)
{
    public string Dir { get; } = dir;
    public YamlMappingNode Root { get; } = root;

    public static Kustomization Read(string dir)
    {
        var file = Manifests.KustomizationNames.Select(n => Path.Combine(dir, n)).First(File.Exists);
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(file))) stream.Load(reader);
        return new Kustomization(dir, (YamlMappingNode)Assert.Single(stream.Documents).RootNode);
    }

    public IEnumerable<string> Keys => Root.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public YamlNode? this[string key] => Root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Scalar(string key) => (this[key] as YamlScalarNode)?.Value;

    /// <summary>A list of scalars (resources, components, patchesStrategicMerge ...), empty when absent.</summary>
    public IEnumerable<string> Strings(string key) =>
        this[key] is YamlSequenceNode seq ? seq.Children.Cast<YamlScalarNode>().Select(n => n.Value!) : [];

    /// <summary>A list of mappings (patches, images, replicas ...), empty when absent.</summary>
    public IEnumerable<YamlMappingNode> Maps(string key) =>
        this[key] is YamlSequenceNode seq ? seq.Children.Cast<YamlMappingNode>() : [];

    public static string? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
}
