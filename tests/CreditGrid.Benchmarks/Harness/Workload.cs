using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Benchmarks.Harness;

/// <summary>
/// The events the scenarios push: fines (E-PEN-FINE-10K-100K, −40) on enterprises, so every event changes its
/// subject's score and nothing fans out. Bodies are serialised before the clock starts.
/// </summary>
public static class Workload
{
    public const string Indicator = "E-PEN-FINE-10K-100K";

    /// <summary>A valid unified social credit code per subject number (stable across runs).</summary>
    public static string Enterprise(int n) => UnifiedSocialCreditCode.Complete($"91370303{n:D8}");

    /// <summary>Yesterday (UTC), so the fine is current whatever the date.</summary>
    public static readonly string OccurredAt = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Event(string eventId, string subject) =>
        $"{{\"eventId\":\"{eventId}\",\"subjectKind\":\"enterprise\",\"subjectId\":\"{subject}\",\"indicator\":\"{Indicator}\",\"occurredAt\":\"{OccurredAt}\",\"actionRef\":\"张市监罚〔2026〕{eventId}号\"}}";

    public static byte[] Batch(IEnumerable<string> events) => Encoding.UTF8.GetBytes("{\"events\":[" + string.Join(',', events) + "]}");

    /// <summary>
    /// <paramref name="count"/> events in batches of <paramref name="batchSize"/> over <paramref name="subjects"/> subjects
    /// (event i goes to subject i mod subjects), event ids "{prefix}-{i}". Subject codes are cached per subject number.
    /// </summary>
    public static List<byte[]> Batches(string prefix, int count, int subjects, int batchSize, int firstSubject = 0)
    {
        var codes = new string[subjects];
        for (var s = 0; s < subjects; s++) codes[s] = Enterprise(firstSubject + s);
        var batches = new List<byte[]>(count / batchSize + 1);
        for (var start = 0; start < count; start += batchSize)
        {
            var n = Math.Min(batchSize, count - start);
            batches.Add(Batch(Enumerable.Range(start, n).Select(i => Event($"{prefix}-{i}", codes[i % subjects]))));
        }
        return batches;
    }

    /// <summary>Posts every batch to events:batch with <paramref name="concurrency"/> requests in flight; counts per-event 202s.</summary>
    public static async Task<SendResult> Send(HttpClient client, IReadOnlyList<byte[]> batches, int concurrency, string path = "/api/v1/events:batch")
    {
        var next = -1;
        long accepted = 0, refused = 0;
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var t0 = sw.Elapsed.TotalMilliseconds;
                using var content = new ByteArrayContent(batches[i]);
                content.Headers.ContentType = new("application/json");
                using var response = await client.PostAsync(path, content);
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(sw.Elapsed.TotalMilliseconds - t0);
                if (response.StatusCode != (HttpStatusCode)207)
                {
                    errors.Add($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
                    continue;
                }
                var (ok, bad, first) = Count(body);
                Interlocked.Add(ref accepted, ok);
                Interlocked.Add(ref refused, bad);
                if (first is not null) errors.Add(first);
            }
        }));
        return new SendResult(accepted, refused, sw.Elapsed, [.. latencies], [.. errors.Take(5)]);
    }

    /// <summary>Per-event outcome of a 207: (202 count, other count, first refusal).</summary>
    public static (int Accepted, int Refused, string? FirstRefusal) Count(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        int ok = 0, bad = 0;
        string? first = null;
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            if (r.GetProperty("statusCode").GetInt32() == 202) ok++;
            else
            {
                bad++;
                first ??= r.GetRawText();
            }
        }
        return (ok, bad, first);
    }
}

public sealed record SendResult(long Accepted, long Refused, TimeSpan Elapsed, double[] BatchMilliseconds, string[] Errors);

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = p / 100 * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public static string Bytes(double b) =>
        Math.Abs(b) >= 1024 * 1024 * 1024 ? $"{b / (1024.0 * 1024 * 1024):F2} GiB"
        : Math.Abs(b) >= 1024 * 1024 ? $"{b / (1024.0 * 1024):F1} MiB"
        : Math.Abs(b) >= 1024 ? $"{b / 1024.0:F1} KiB"
        : $"{b:F0} B";

    public static string N(double v) => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
