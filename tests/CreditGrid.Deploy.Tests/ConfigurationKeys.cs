using System.Text.RegularExpressions;

namespace CreditGrid.Deploy.Tests;

/// <summary>
/// The configuration keys the program reads, found in its source without building or running it.
///
/// Method (pragmatic, documented here because it is a heuristic): read every .cs file under silo/, api/ and dashboard/
/// (bin/ and obj/ left out) and collect
/// <list type="number">
/// <item>string constants (<c>const string Section = "Storage";</c>), so that interpolations such as
///   <c>$"{StorageOptions.Section}:ConnectionString"</c> can be resolved;</item>
/// <item>every string literal (plain, verbatim or interpolated, holes replaced by the constants they name) that looks
///   like a configuration path with at least one ':' (<c>"Cluster:SiloPort"</c>, <c>"Auth:ApiKeys"</c>);</item>
/// <item>the key of every indexer or call on a configuration object, with or without ':':
///   <c>configuration["PublicBaseUrl"]</c>, <c>GetValue("RateLimits:PublicPerMinute", 10)</c>,
///   <c>GetSection(AuthOptions.Section)</c>;</item>
/// <item>for each class declaring <c>const string Section = "X"</c>, "X:P" for each of its public settable properties
///   (options classes bound with <c>GetSection(Section)</c>).</item>
/// </list>
/// A key set by the deployment is read by the program when it equals a collected key, or when it extends one by
/// segments that are array indexes or names of public settable properties declared in that source (binding
/// <c>Auth:ApiKeys</c> to a list of <c>ApiKey { Key, Department, Roles }</c> accepts <c>Auth:ApiKeys:0:Roles:0</c>).
/// Comparison ignores case, as .NET configuration does.
/// </summary>
internal sealed partial class ConfigurationKeys
{
    public static readonly string[] SourceFolders = ["silo", "api", "dashboard"];

    private static readonly Lazy<ConfigurationKeys> LazyProgram = new(() => FromSources(SourceFiles()));

    /// <summary>The keys of the program in this repository.</summary>
    public static ConfigurationKeys Program => LazyProgram.Value;

    public HashSet<string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> BindableProperties { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> SourceFiles() => SourceFolders
        .Select(f => Repo.PathOf(f))
        .Where(Directory.Exists)
        .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    public static ConfigurationKeys FromSources(IEnumerable<string> files) =>
        FromTexts(files.Select(File.ReadAllText).ToList());

    public static ConfigurationKeys FromTexts(IReadOnlyList<string> sources)
    {
        var keys = new ConfigurationKeys();

        // 1. String constants, by bare name and by Class.Name.
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (Match type in TypeDeclaration().Matches(source))
            {
                var body = Body(source, type.Index + type.Length);
                foreach (Match c in StringConstant().Matches(body))
                {
                    constants.TryAdd(c.Groups["name"].Value, c.Groups["value"].Value);
                    constants[$"{type.Groups["name"].Value}.{c.Groups["name"].Value}"] = c.Groups["value"].Value;
                }
            }
        }

        foreach (var source in sources)
        {
            // 2. Literals that look like configuration paths.
            foreach (Match literal in StringLiteral().Matches(source))
            {
                var text = Resolve(literal, constants);
                if (text is not null && ConfigPath().IsMatch(text) && text.Contains(':')) keys.Keys.Add(text);
            }

            // 3. Keys of configuration indexers and calls (IConfiguration / IConfigurationSection).
            foreach (Match access in ConfigurationAccess().Matches(source))
            {
                var argument = access.Groups["arg"].Value.Trim();
                var key = argument.StartsWith('"') || argument.StartsWith("$\"", StringComparison.Ordinal)
                    ? Resolve(StringLiteral().Match(argument), constants)
                    : constants.GetValueOrDefault(argument);
                if (key is not null && ConfigPath().IsMatch(key)) keys.Keys.Add(key);
            }

            // 4. Options classes: Section + property.
            foreach (Match type in TypeDeclaration().Matches(source))
            {
                var body = Body(source, type.Index + type.Length);
                var properties = SettableProperty().Matches(body).Select(p => p.Groups["name"].Value).ToList();
                keys.BindableProperties.UnionWith(properties);
                var section = StringConstant().Matches(body).FirstOrDefault(c => c.Groups["name"].Value == "Section");
                if (section is null) continue;
                keys.Keys.Add(section.Groups["value"].Value);
                foreach (var property in properties) keys.Keys.Add($"{section.Groups["value"].Value}:{property}");
            }
        }
        return keys;
    }

    /// <summary>Whether the program reads the key (':'-separated), directly or through binding.</summary>
    public bool Reads(string key)
    {
        if (Keys.Contains(key)) return true;
        var segments = key.Split(':');
        for (var prefix = segments.Length - 1; prefix >= 1; prefix--)
        {
            if (!Keys.Contains(string.Join(':', segments[..prefix]))) continue;
            if (segments[prefix..].All(s => s.All(char.IsAsciiDigit) || BindableProperties.Contains(s))) return true;
        }
        return false;
    }

    /// <summary>The literal's text with interpolation holes replaced by known constants; null if a hole is unknown.</summary>
    private static string? Resolve(Match literal, Dictionary<string, string> constants)
    {
        if (!literal.Success) return null;
        var text = literal.Groups["text"].Value;
        if (!literal.Value.StartsWith('$')) return text;
        var unresolved = false;
        var resolved = Hole().Replace(text, hole =>
        {
            if (constants.TryGetValue(hole.Groups["expr"].Value.Trim(), out var value)) return value;
            unresolved = true;
            return "";
        });
        return unresolved ? null : resolved;
    }

    /// <summary>The text of the braces block that starts at or after <paramref name="from"/>.</summary>
    private static string Body(string source, int from)
    {
        var open = source.IndexOf('{', from);
        if (open < 0) return "";
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            if (source[i] == '{') depth++;
            else if (source[i] == '}' && --depth == 0) return source[open..(i + 1)];
        }
        return source[open..];
    }

    [GeneratedRegex(@"\b(?:class|record|struct)\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bconst\s+string\s+(?<name>\w+)\s*=\s*""(?<value>[^""\\]*)""\s*;")]
    private static partial Regex StringConstant();

    // "…", @"…" and $"…" (no nested quotes inside holes).
    [GeneratedRegex(@"\$?@?""(?<text>(?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{(?<expr>[^{}:,]+)(?:[:,][^{}]*)?\}")]
    private static partial Regex Hole();

    // A configuration path: identifier segments (or array indexes) separated by ':'.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?::(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+))*$")]
    private static partial Regex ConfigPath();

    // configuration["X"], Configuration[$"{A.Section}:B"], config.GetValue<int>("X", ...), .GetSection(Options.Section),
    // GetRequiredSection, GetConnectionString.
    [GeneratedRegex(@"(?:\b\w*[Cc]onfig\w*\s*\[\s*(?<arg>\$?""[^""]*""|[\w.]+)\s*\])|(?:\.(?:GetValue|GetSection|GetRequiredSection|GetConnectionString)\s*(?:<[^>()]*>)?\s*\(\s*(?<arg>\$?""[^""]*""|[\w.]+)\s*[,)])")]
    private static partial Regex ConfigurationAccess();

    [GeneratedRegex(@"\bpublic\s+(?:required\s+)?[\w<>\[\],.?\s]+?\s+(?<name>\w+)\s*\{\s*get;\s*(?:set|init);")]
    private static partial Regex SettableProperty();
}
