using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// http-api Conventions: no log line, at any level and in any start mode, carries an unmasked person/official
/// identifier or an API key (issue 11 item 9). Everything the program and its libraries (ASP.NET Core, Kestrel, Orleans)
/// log goes through one <see cref="ILoggerFactory"/>; this wraps it, so every logger of every provider writes redacted
/// text: messages, structured values, scopes (the request path of ASP.NET's scope) and exceptions (Orleans' storage
/// failures name grains <c>person/person:&lt;id&gt;</c>). Level filters stay those of the wrapped factory.
/// </summary>
public static partial class LogRedaction
{
    /// <summary>Registers the redacting factory over the one AddLogging registered; call after every logging setup.</summary>
    public static WebApplicationBuilder AddCreditGridLogRedaction(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LoggerFactory>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
            new RedactingLoggerFactory(sp.GetRequiredService<LoggerFactory>(), new Redactor(ConfiguredKeys(sp.GetRequiredService<IConfiguration>())))));
        return builder;
    }

    private static IEnumerable<string> ConfiguredKeys(IConfiguration configuration) =>
        configuration.GetSection("Auth:ApiKeys").GetChildren().Select(k => k["Key"]).OfType<string>();

    /// <summary>Anything shaped like an 18-character resident ID (17 digits and a check digit or X) not inside a longer number.</summary>
    [GeneratedRegex("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])", RegexOptions.CultureInvariant)]
    internal static partial Regex ResidentIdShape();

    /// <summary>SignalR's browser transport carries the API key in the query (`/hubs/grid?access_token=…`).</summary>
    [GeneratedRegex("(access_token=)[^&\\s\"']+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex AccessToken();
}

/// <summary>Masks resident-ID-shaped text as the contract masks IDs (first 6, '*' × 8, last 4) and replaces keys with ***.</summary>
public sealed class Redactor
{
    private readonly string[] _keys;

    public Redactor(IEnumerable<string> keys) =>
        // Longest first, so a key that contains another is replaced whole.
        _keys = [.. keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(k => k.Length)];

    public string Redact(string text)
    {
        if (text.Length == 0) return text;
        foreach (var key in _keys)
            if (text.Contains(key, StringComparison.Ordinal)) text = text.Replace(key, "***", StringComparison.Ordinal);
        text = LogRedaction.AccessToken().Replace(text, "$1***");
        return LogRedaction.ResidentIdShape().Replace(text, "$1********$2");
    }

    /// <summary>A logged value as it may be written: numbers and the like as they are, anything else as redacted text.</summary>
    public object? Value(object? value) => value switch
    {
        null => null,
        string s => Redact(s),
        // An 18-digit number is an ID's shape too.
        long or ulong or decimal when LogRedaction.ResidentIdShape().IsMatch(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) =>
            Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
        bool or byte or short or int or long or ulong or float or double or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => value,
        _ => Redact(value.ToString() ?? ""),
    };
}

internal sealed class RedactingLoggerFactory(ILoggerFactory inner, Redactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) =>
        WatchdogStartRace.Filter(categoryName, new RedactingLogger(inner.CreateLogger(categoryName), redactor));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() { } // the wrapped factory is the container's and is disposed by it
}

internal sealed class RedactingLogger(ILogger inner, Redactor redactor) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(new RedactedValues(state, redactor));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        var message = redactor.Redact(formatter(state, exception));
        var redacted = new RedactedValues((object?)state ?? message, redactor, message);
        inner.Log(logLevel, eventId, redacted, exception is null ? null : new RedactedException(exception, redactor), static (s, _) => s.ToString());
    }
}

/// <summary>A log state or scope with every value redacted; its text is the redacted message.</summary>
internal sealed class RedactedValues(object state, Redactor redactor, string? message = null) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private KeyValuePair<string, object?>[]? _values;

    private KeyValuePair<string, object?>[] Values => _values ??= state is IEnumerable<KeyValuePair<string, object?>> pairs
        ? [.. pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Key == "{OriginalFormat}" ? p.Value : redactor.Value(p.Value)))]
        : [];

    public KeyValuePair<string, object?> this[int index] => Values[index];

    public int Count => Values.Length;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message ??= redactor.Redact(state.ToString() ?? "");
}

/// <summary>An exception as the log writes it (type, message, stack, inner exceptions), redacted.</summary>
internal sealed class RedactedException(Exception original, Redactor redactor) : Exception(redactor.Redact(original.Message))
{
    public override string? StackTrace => original.StackTrace is { } stack ? redactor.Redact(stack) : null;

    public override string ToString() => redactor.Redact(original.ToString());
}
