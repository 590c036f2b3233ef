using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace CreditGrid.Deploy.Tests;

/// <summary>Every file of k8s/ is valid: Kubernetes objects strictly, kustomizations by their keys and files.</summary>
public class ManifestFileTests
{
    public static TheoryData<string> ObjectFiles() => [.. Manifests.ObjectFiles];

    public static TheoryData<string> KustomizationDirs() => [.. Manifests.KustomizationDirs];

    [Fact]
    public void TheManifestsExist()
    {
        Assert.Contains("k8s/base", Manifests.KustomizationDirs);
        Assert.Contains("k8s/overlays/example", Manifests.KustomizationDirs);
        Assert.True(Manifests.ObjectFiles.Count >= 10, string.Join(", ", Manifests.ObjectFiles));
    }

    [Theory]
    [MemberData(nameof(ObjectFiles))]
    public void EveryDocumentDeserialisesStrictly(string file)
    {
        var objects = Manifests.LoadStrict(Repo.PathOf(file));
        Assert.NotEmpty(objects);
        foreach (var o in objects)
        {
            var k = Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(o);
            Assert.False(string.IsNullOrEmpty(k.ApiVersion), $"{file}: apiVersion");
            Assert.False(string.IsNullOrEmpty(k.Kind), $"{file}: kind");
            Assert.False(string.IsNullOrEmpty(k.Metadata?.Name), $"{file}: {k.Kind} without metadata.name");
        }
    }

    [Fact]
    public void StrictLoadingRejectsAMisspeltField()
    {
        // The check above means something only if a typo fails it.
        const string yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  selectr:\n    app: x\n";
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, null, strict: true));
        Assert.Single(KubernetesYaml.LoadAllFromString(yaml.Replace("selectr", "selector"), null, strict: true));
    }

    /// <summary>Fields of kustomize's Kustomization (kustomize.config.k8s.io/v1beta1), current and deprecated.</summary>
    private static readonly HashSet<string> KustomizationFields =
    [
        "apiVersion", "kind", "metadata", "namespace", "namePrefix", "nameSuffix", "labels", "commonLabels",
        "commonAnnotations", "resources", "components", "crds", "patches", "patchesStrategicMerge", "patchesJson6902",
        "images", "replicas", "replacements", "vars", "configMapGenerator", "secretGenerator", "generatorOptions",
        "generators", "transformers", "validators", "openapi", "buildMetadata", "helmCharts", "helmGlobals",
        "sortOptions", "configurations",
    ];

    [Theory]
    [MemberData(nameof(KustomizationDirs))]
    public void KustomizationsHaveKnownKeysAndExistingFiles(string dir)
    {
        var full = Repo.PathOf(dir);
        var k = Kustomization.Read(full);
        var unknown = k.Keys.Where(key => !KustomizationFields.Contains(key)).ToList();
        Assert.True(unknown.Count == 0, $"{dir}: unknown keys {string.Join(", ", unknown)}");
        Assert.True(k.Scalar("kind") is null or "Kustomization" or "Component", $"{dir}: kind {k.Scalar("kind")}");

        var resources = k.Strings("resources").ToList();
        Assert.NotEmpty(resources);
        foreach (var r in resources.Concat(k.Strings("components")))
        {
            var path = Path.GetFullPath(Path.Combine(full, r));
            Assert.True(File.Exists(path) || Manifests.KustomizationNames.Any(n => File.Exists(Path.Combine(path, n))),
                $"{dir}: resource {r} is neither a file nor a kustomization folder");
        }
        var files = k.Maps("patches").Concat(k.Maps("patchesJson6902")).Select(p => Kustomization.Get(p, "path")).OfType<string>()
            .Concat(k.Strings("patchesStrategicMerge"))
            .Concat(k.Maps("configMapGenerator").Concat(k.Maps("secretGenerator"))
                .SelectMany(g => new[] { "files", "envs" }.SelectMany(f => g.Children.TryGetValue(new YamlScalarNode(f), out var n) && n is YamlSequenceNode s
                    ? s.Children.Cast<YamlScalarNode>().Select(x => x.Value!.Split('=').Last()) : [])));
        foreach (var f in files) Assert.True(File.Exists(Path.Combine(full, f)), $"{dir}: {f} does not exist");
        foreach (var p in k.Maps("patches"))
            Assert.True(Kustomization.Get(p, "path") is not null || Kustomization.Get(p, "patch") is not null, $"{dir}: a patch without path or patch");
    }

    [Fact]
    public void EveryObjectFileIsUsedByAKustomization()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in Manifests.KustomizationDirs)
        {
            var k = Kustomization.Read(Repo.PathOf(dir));
            var entries = k.Strings("resources").Concat(k.Strings("patchesStrategicMerge"))
                .Concat(k.Maps("patches").Concat(k.Maps("patchesJson6902")).Select(p => Kustomization.Get(p, "path")).OfType<string>());
            foreach (var e in entries) used.Add(Repo.Relative(Path.GetFullPath(Path.Combine(Repo.PathOf(dir), e))));
        }
        var unused = Manifests.ObjectFiles.Where(f => !used.Contains(f)).ToList();
        Assert.True(unused.Count == 0, $"not listed by any kustomization: {string.Join(", ", unused)}");
    }

    [Theory]
    [MemberData(nameof(KustomizationDirs))]
    public void PatchesImagesAndReplicasTargetObjectsOfTheKustomization(string dir)
    {
        var full = Repo.PathOf(dir);
        var k = Kustomization.Read(full);
        var objects = Manifests.Resources(full);

        var patchFiles = k.Maps("patches").Select(p => Kustomization.Get(p, "path")).OfType<string>().Concat(k.Strings("patchesStrategicMerge"));
        foreach (var file in patchFiles)
        {
            foreach (var patch in Manifests.LoadFile(Path.Combine(full, file)))
                Assert.True(objects.Any(o => o.Kind == patch.Kind && o.Name == patch.Name), $"{dir}/{file}: no {patch.Kind}/{patch.Name} to patch");
        }
        foreach (var r in k.Maps("replicas"))
        {
            var name = Kustomization.Get(r, "name");
            Assert.True(objects.Any(o => o.Kind is "Deployment" or "StatefulSet" && o.Name == name), $"{dir}: replicas for unknown {name}");
        }
        var images = objects.SelectMany(o => o.Object switch
        {
            V1Deployment d => d.Spec.Template.Spec.Containers,
            V1StatefulSet s => s.Spec.Template.Spec.Containers,
            V1Job j => j.Spec.Template.Spec.Containers,
            _ => [],
        }).Select(c => c.Image.Split('@')[0]).Select(i => i.LastIndexOf(':') > i.LastIndexOf('/') ? i[..i.LastIndexOf(':')] : i).ToHashSet();
        foreach (var image in k.Maps("images"))
            Assert.Contains(Kustomization.Get(image, "name")!, images);
    }

    [Fact]
    public void EveryNamespacedObjectIsInTheKustomizationNamespace()
    {
        var ns = Kustomization.Read(Manifests.BaseDir).Scalar("namespace");
        Assert.Equal("creditgrid", ns);
        Assert.Equal(ns, Manifests.Single<V1Namespace>(ns!).Metadata.Name);
        foreach (var m in Manifests.Base.Where(m => m.Object is not V1Namespace))
            Assert.True(m.Object.Metadata.NamespaceProperty == ns, $"{m}: namespace {m.Object.Metadata.NamespaceProperty}");
        foreach (var binding in Manifests.OfType<V1RoleBinding>())
            Assert.All(binding.Subjects.Where(s => s.Kind == "ServiceAccount"), s => Assert.Equal(ns, s.NamespaceProperty));
    }

    [Theory]
    [MemberData(nameof(KustomizationDirs))]
    public void PublicBaseUrlIsTheIngressHost(string dir)
    {
        // The QR codes must point where the Ingress listens, in the base and in every overlay (patches applied in order).
        var full = Repo.PathOf(dir);
        var k = Kustomization.Read(full);
        var objects = Manifests.Resources(full).Concat(k.Maps("patches").Select(p => Kustomization.Get(p, "path")).OfType<string>()
            .SelectMany(f => Manifests.LoadFile(Path.Combine(full, f)))).Select(m => m.Object).ToList();
        var host = objects.OfType<V1Ingress>().Last(i => i.Metadata.Name == "creditgrid").Spec.Rules.Single().Host;
        var url = objects.OfType<V1ConfigMap>().Last(c => c.Metadata.Name == "creditgrid-config" && c.Data?.ContainsKey("PublicBaseUrl") == true).Data["PublicBaseUrl"];
        Assert.Equal($"https://{host}", url);
    }
}
