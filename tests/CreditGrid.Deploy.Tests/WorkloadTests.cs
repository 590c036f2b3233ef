using k8s.Models;

namespace CreditGrid.Deploy.Tests;

/// <summary>The objects of k8s/base fit together: selectors, ports, probes, references, RBAC, the schema Job.</summary>
public class WorkloadTests
{
    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

    private static bool Selects(V1LabelSelector selector, IDictionary<string, string>? labels) =>
        selector.MatchExpressions is null or { Count: 0 } && Selects(selector.MatchLabels, labels);

    private static IDictionary<string, string> SiloPodLabels => Manifests.Silos.Spec.Template.Metadata.Labels;

    [Fact]
    public void ContainersHaveImagesAndResources()
    {
        foreach (var (owner, template) in Manifests.PodTemplates())
        {
            foreach (var c in template.Spec.Containers.Concat(template.Spec.InitContainers ?? []))
            {
                Assert.False(string.IsNullOrWhiteSpace(c.Image), $"{owner}/{c.Name}: image");
                Assert.NotNull(c.Resources?.Requests);
                Assert.NotNull(c.Resources.Limits);
                foreach (var r in new[] { "cpu", "memory" })
                {
                    Assert.True(c.Resources.Requests.ContainsKey(r), $"{owner}/{c.Name}: requests.{r}");
                    Assert.True(c.Resources.Limits.ContainsKey(r), $"{owner}/{c.Name}: limits.{r}");
                    Assert.True(c.Resources.Requests[r].ToDecimal() <= c.Resources.Limits[r].ToDecimal(), $"{owner}/{c.Name}: {r} request above limit");
                }
            }
        }
    }

    [Fact]
    public void LongRunningContainersHaveReadinessAndLivenessProbes()
    {
        foreach (var (owner, template) in Manifests.PodTemplates().Where(t => !t.Owner.StartsWith("Job/", StringComparison.Ordinal)))
        {
            foreach (var c in template.Spec.Containers)
            {
                Assert.True(c.ReadinessProbe is not null, $"{owner}/{c.Name}: readinessProbe");
                Assert.True(c.LivenessProbe is not null, $"{owner}/{c.Name}: livenessProbe");
            }
        }
    }

    [Fact]
    public void WorkloadSelectorsMatchTheirPodTemplates()
    {
        foreach (var d in Manifests.OfType<V1Deployment>())
            Assert.True(Selects(d.Spec.Selector, d.Spec.Template.Metadata.Labels), $"Deployment/{d.Metadata.Name}");
        foreach (var s in Manifests.OfType<V1StatefulSet>())
            Assert.True(Selects(s.Spec.Selector, s.Spec.Template.Metadata.Labels), $"StatefulSet/{s.Metadata.Name}");
        // No workload's pods are selected by another workload's selector (the Job's pods included).
        var workloads = Manifests.PodTemplates().ToList();
        foreach (var d in Manifests.OfType<V1Deployment>().Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Selector))
                     .Concat(Manifests.OfType<V1StatefulSet>().Select(s => ($"StatefulSet/{s.Metadata.Name}", s.Spec.Selector))))
        {
            Assert.Single(workloads, w => Selects(d.Selector, w.Template.Metadata.Labels));
        }
    }

    [Fact]
    public void ServicesSelectPodsAndNamedContainerPorts()
    {
        foreach (var service in Manifests.OfType<V1Service>())
        {
            var pods = Manifests.PodTemplates().Where(t => Selects(service.Spec.Selector, t.Template.Metadata.Labels)).ToList();
            var (owner, template) = Assert.Single(pods);
            var ports = template.Spec.Containers.SelectMany(c => c.Ports ?? []).ToList();
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString();
                Assert.True(ports.Any(p => p.Name == target || p.ContainerPort.ToString() == target),
                    $"Service/{service.Metadata.Name} port {port.Name} targets {target}, not a port of {owner}");
            }
        }
        var silos = Manifests.Single<V1Service>("creditgrid");
        Assert.True(Selects(silos.Spec.Selector, SiloPodLabels));
        var http = Assert.Single(silos.Spec.Ports);
        Assert.Equal(("http", 8080, "http"), (http.Name, http.Port, http.TargetPort.Value));
        Assert.Equal("ClientIP", silos.Spec.SessionAffinity);
    }

    [Fact]
    public void DisruptionBudgetAndAutoscalerTargetTheSilos()
    {
        var pdb = Assert.Single(Manifests.OfType<V1PodDisruptionBudget>());
        Assert.True(Selects(pdb.Spec.Selector, SiloPodLabels));
        Assert.DoesNotContain(Manifests.PodTemplates(), t => t.Owner != "Deployment/creditgrid" && Selects(pdb.Spec.Selector, t.Template.Metadata.Labels));
        Assert.True(pdb.Spec.MaxUnavailable?.Value == "1" || pdb.Spec.MinAvailable?.Value == "2", "PDB: maxUnavailable 1 or minAvailable 2");

        var hpa = Assert.Single(Manifests.OfType<V2HorizontalPodAutoscaler>());
        Assert.Equal(("apps/v1", "Deployment", "creditgrid"), (hpa.Spec.ScaleTargetRef.ApiVersion, hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.Equal((3, 30), (hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        var cpu = Assert.Single(hpa.Spec.Metrics);
        Assert.Equal(("Resource", "cpu", "Utilization", 70), (cpu.Type, cpu.Resource.Name, cpu.Resource.Target.Type, cpu.Resource.Target.AverageUtilization));
        Assert.True(Manifests.Silos.Spec.Replicas >= hpa.Spec.MinReplicas);
    }

    [Fact]
    public void ProbesUseTheHealthEndpointsOnADeclaredPort()
    {
        var c = Manifests.SiloContainer;
        Assert.Equal("/healthz", c.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", c.ReadinessProbe.HttpGet.Path);
        if (c.StartupProbe is not null) Assert.Equal("/healthz", c.StartupProbe.HttpGet.Path);
        foreach (var probe in new[] { c.LivenessProbe, c.ReadinessProbe, c.StartupProbe }.OfType<V1Probe>())
        {
            var port = probe.HttpGet.Port.Value;
            Assert.Contains(c.Ports, p => p.Name == port);
        }
    }

    [Fact]
    public void TheSilosAreAnOrleansClusterOnKubernetes()
    {
        var d = Manifests.Silos;
        Assert.Equal(3, d.Spec.Replicas);
        Assert.Equal("creditgrid", SiloPodLabels["app"]);
        Assert.Equal("creditgrid", SiloPodLabels["orleans/clusterId"]);
        Assert.Equal("creditgrid", SiloPodLabels["orleans/serviceId"]);

        var c = Manifests.SiloContainer;
        var ports = c.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
        Assert.Equal(8080, ports["http"]);
        Assert.Equal(11111, ports["silo"]);
        Assert.Equal(30000, ports["gateway"]);

        var env = c.Env.ToDictionary(e => e.Name);
        Assert.Equal("http://+:8080", env["ASPNETCORE_URLS"].Value);
        Assert.Equal("kubernetes", env["Cluster__Mode"].Value);
        Assert.Equal(ports["silo"].ToString(), env["Cluster__SiloPort"].Value);
        Assert.Equal(ports["gateway"].ToString(), env["Cluster__GatewayPort"].Value);
        Assert.Equal("postgres", env["Storage__Provider"].Value);
        Assert.Equal(("creditgrid-database", "connection-string"),
            (env["Storage__ConnectionString"].ValueFrom.SecretKeyRef.Name, env["Storage__ConnectionString"].ValueFrom.SecretKeyRef.Key));

        // Downward API for UseKubernetesHosting(); ids from the pod's own labels.
        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.namespace", env["POD_NAMESPACE"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("status.podIP", env["POD_IP"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.labels['orleans/serviceId']", env["ORLEANS_SERVICE_ID"].ValueFrom.FieldRef.FieldPath);
        Assert.Equal("metadata.labels['orleans/clusterId']", env["ORLEANS_CLUSTER_ID"].ValueFrom.FieldRef.FieldPath);

        // Prometheus scrapes /metrics on the HTTP port.
        var annotations = d.Spec.Template.Metadata.Annotations;
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
        Assert.Equal(ports["http"].ToString(), annotations["prometheus.io/port"]);
    }

    [Fact]
    public void SilosLeaveGracefully()
    {
        var spec = Manifests.Silos.Spec.Template.Spec;
        Assert.True(spec.TerminationGracePeriodSeconds >= 60, $"terminationGracePeriodSeconds {spec.TerminationGracePeriodSeconds}");
        var preStop = Manifests.SiloContainer.Lifecycle?.PreStop;
        Assert.NotNull(preStop);
        var sleep = preStop.Sleep?.Seconds ?? (preStop.Exec?.Command is ["sleep", var s] ? long.Parse(s) : 0);
        Assert.InRange(sleep, 5, 30);
        // The host's shutdown timeout fits in what is left of the grace period after the preStop sleep.
        var shutdown = Manifests.SiloContainer.Env.SingleOrDefault(e => e.Name == "DOTNET_shutdownTimeoutSeconds")?.Value;
        Assert.True(shutdown is null || sleep + long.Parse(shutdown) < spec.TerminationGracePeriodSeconds, "shutdown timeout exceeds the grace period");
        var rolling = Manifests.Silos.Spec.Strategy.RollingUpdate;
        Assert.Equal("0", rolling.MaxUnavailable.Value);
    }

    [Fact]
    public void SilosSpreadAcrossNodes()
    {
        var spec = Manifests.Silos.Spec.Template.Spec;
        var spread = spec.TopologySpreadConstraints?.Any(t => t.TopologyKey == "kubernetes.io/hostname" && Selects(t.LabelSelector, SiloPodLabels)) == true;
        var anti = spec.Affinity?.PodAntiAffinity?.PreferredDuringSchedulingIgnoredDuringExecution?
            .Any(t => t.PodAffinityTerm.TopologyKey == "kubernetes.io/hostname" && Selects(t.PodAffinityTerm.LabelSelector, SiloPodLabels)) == true;
        Assert.True(spread || anti, "topology spread or anti-affinity on kubernetes.io/hostname");
    }

    [Fact]
    public void TheSilosServiceAccountMayReadPods()
    {
        var account = Manifests.Silos.Spec.Template.Spec.ServiceAccountName;
        Assert.NotNull(Manifests.Single<V1ServiceAccount>(account));
        Assert.NotEqual(false, Manifests.Silos.Spec.Template.Spec.AutomountServiceAccountToken);
        var binding = Assert.Single(Manifests.OfType<V1RoleBinding>(), b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account));
        Assert.Equal("Role", binding.RoleRef.Kind);
        var role = Manifests.Single<V1Role>(binding.RoleRef.Name);
        var verbs = role.Rules.Where(r => r.ApiGroups.Contains("") && r.Resources.Contains("pods")).SelectMany(r => r.Verbs).ToHashSet();
        Assert.Superset(new HashSet<string> { "get", "list", "watch" }, verbs);
        Assert.Subset(new HashSet<string> { "get", "list", "watch", "delete" }, verbs);
    }

    [Fact]
    public void TheSchemaJobRunsMigrateWithTheSilosImageAndStorage()
    {
        var job = Assert.Single(Manifests.OfType<V1Job>());
        var c = Assert.Single(job.Spec.Template.Spec.Containers);
        var command = (c.Command ?? []).Concat(c.Args ?? []).ToList();
        Assert.Equal("migrate", command.Last());
        if (c.Command is { Count: > 0 }) Assert.Equal(["dotnet", "CreditGrid.Silo.dll", "migrate"], command);
        Assert.Equal(Manifests.SiloContainer.Image, c.Image);
        Assert.Contains(job.Spec.Template.Spec.RestartPolicy, new[] { "OnFailure", "Never" });

        string Describe(V1EnvVar e) => $"{e.Name}={e.Value}|{e.ValueFrom?.SecretKeyRef?.Name}/{e.ValueFrom?.SecretKeyRef?.Key}";
        var storage = Manifests.SiloContainer.Env.Where(e => e.Name.StartsWith("Storage__", StringComparison.Ordinal)).Select(Describe).Order().ToList();
        Assert.Equal(storage, c.Env.Where(e => e.Name.StartsWith("Storage__", StringComparison.Ordinal)).Select(Describe).Order().ToList());
    }

    [Fact]
    public void PostgresIsAStatefulSetWithAVolumeAndAHeadlessService()
    {
        var set = Manifests.Single<V1StatefulSet>("postgres");
        var c = Assert.Single(set.Spec.Template.Spec.Containers);
        Assert.StartsWith("postgres:16", c.Image);
        Assert.Contains("pg_isready", c.ReadinessProbe.Exec.Command);
        var claim = Assert.Single(set.Spec.VolumeClaimTemplates);
        Assert.Contains(c.VolumeMounts, m => m.Name == claim.Metadata.Name && m.MountPath.StartsWith("/var/lib/postgresql", StringComparison.Ordinal));
        var service = Manifests.Single<V1Service>(set.Spec.ServiceName);
        Assert.Equal("None", service.Spec.ClusterIP);
        Assert.True(Selects(service.Spec.Selector, set.Spec.Template.Metadata.Labels));
        // The silos reach it by the Service's name (in the connection string of the Secret).
        var connection = Manifests.Single<V1Secret>("creditgrid-database").StringData["connection-string"];
        Assert.Contains($"Host={service.Metadata.Name};", connection);
    }

    [Fact]
    public void ReferencedSecretsAndConfigMapsExistWithTheirKeys()
    {
        IEnumerable<string> KeysOf(string kind, string name) => kind == "Secret"
            ? Manifests.Single<V1Secret>(name) is var s ? (s.StringData?.Keys ?? []).Concat(s.Data?.Keys ?? []) : []
            : Manifests.Single<V1ConfigMap>(name).Data?.Keys ?? [];

        foreach (var (owner, template) in Manifests.PodTemplates())
        {
            foreach (var c in template.Spec.Containers)
            {
                foreach (var e in c.Env ?? [])
                {
                    if (e.ValueFrom?.SecretKeyRef is { } sk && sk.Optional != true) Assert.Contains(sk.Key, KeysOf("Secret", sk.Name));
                    if (e.ValueFrom?.ConfigMapKeyRef is { } ck && ck.Optional != true) Assert.Contains(ck.Key, KeysOf("ConfigMap", ck.Name));
                }
                foreach (var from in c.EnvFrom ?? [])
                {
                    if (from.SecretRef is { Optional: not true } sr) Assert.NotEmpty(KeysOf("Secret", sr.Name));
                    if (from.ConfigMapRef is { Optional: not true } cr) Assert.NotEmpty(KeysOf("ConfigMap", cr.Name));
                }
            }
        }
    }

    [Fact]
    public void TheApiKeySecretHasOnePlaceholderKeyPerRole()
    {
        var keys = Manifests.Single<V1Secret>("creditgrid-api-keys").StringData;
        var roles = keys.Where(k => k.Key.Contains("__Roles__", StringComparison.Ordinal)).Select(k => k.Value).Order().ToList();
        Assert.Equal(["credit-center", "emergency", "operator", "reporter"], roles);
        var values = keys.Where(k => k.Key.EndsWith("__Key", StringComparison.Ordinal)).Select(k => k.Value).ToList();
        Assert.Equal(4, values.Count);
        Assert.All(values, v => Assert.Contains("REPLACE-ME", v));
        Assert.Equal(4, values.Distinct().Count());
        Assert.All(keys.Where(k => k.Key.EndsWith("__Department", StringComparison.Ordinal)), k => Assert.False(string.IsNullOrWhiteSpace(k.Value)));
        Assert.All(Manifests.Single<V1Secret>("creditgrid-database").StringData.Values, v => Assert.Contains("REPLACE-ME", v));
    }

    [Fact]
    public void TheIngressRoutesToTheSilosServiceWithWebSocketSettings()
    {
        var ingress = Assert.Single(Manifests.OfType<V1Ingress>());
        var service = Manifests.Single<V1Service>("creditgrid");
        var backend = Assert.Single(Assert.Single(ingress.Spec.Rules).Http.Paths).Backend.Service;
        Assert.Equal(service.Metadata.Name, backend.Name);
        Assert.Contains(service.Spec.Ports, p => p.Name == backend.Port.Name || p.Port == backend.Port.Number);
        var a = ingress.Metadata.Annotations;
        Assert.Equal("cookie", a["nginx.ingress.kubernetes.io/affinity"]);
        Assert.True(int.Parse(a["nginx.ingress.kubernetes.io/proxy-read-timeout"]) > 90, "longer than SignalR's 90 s long polls");
        Assert.True(int.Parse(a["nginx.ingress.kubernetes.io/proxy-send-timeout"]) > 90);
    }
}
