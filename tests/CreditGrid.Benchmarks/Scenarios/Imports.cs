using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CreditGrid.Benchmarks.Harness;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario: a 双公示 penalty file of N rows (100,000 full, the ingest size when tiny) through POST /api/v1/imports —
/// from the upload until the import is `done` (every row's event applied) — against events:batch on the same events in
/// the same run (target: the import at ≥ 50 % of the batch's applied rate; docs/imports.md).
/// </summary>
public static class Imports
{
    public static async Task<string> Run(Options o, Machine machine)
    {
        var load = Proc.LoadAverage1();
        var rows = o.Events;
        var t = new Table("store", "rows", "events:batch applied/s", "import rows/s (upload → done)", "import ÷ batch (target ≥ 0.5)", "notes");
        foreach (var storeKind in o.Stores)
        {
            Console.WriteLine($"[imports] {storeKind}: events:batch, {rows} events over {rows} subjects");
            var batch = await Ingest.RunGrid(o, storeKind, "spread", rows, Workload.Batches("imp-batch", rows, rows, o.BatchSize));
            Console.WriteLine($"  applied {batch.AppliedRate:F0}/s");
            Console.WriteLine($"[imports] {storeKind}: import of a {rows}-row file");
            var (seconds, report, validating) = await RunImport(o, storeKind, rows);
            var rate = rows / seconds;
            Console.WriteLine($"  {rate:F0} rows/s ({seconds:F1} s; validating {validating:F1} s); {report}");
            t.Add(batch.Store, rows, batch.AppliedRate, rate, $"{rate / batch.AppliedRate:F2}",
                $"validation {validating:F1} s of {seconds:F1} s; {report}" + (batch.Errors.Length > 0 ? "; batch errors: " + string.Join(" / ", batch.Errors) : ""));
        }
        var sb = new StringBuilder();
        sb.AppendLine("### Imports: a 双公示 penalty file vs events:batch in the same run").AppendLine();
        sb.AppendLine(Report.Header(o, machine, load));
        sb.AppendLine(t.ToString());
        return sb.ToString();
    }

    /// <summary>One fine per row (罚款 5万元 → E-PEN-FINE-10K-100K, the ingest workload's row), each on its own enterprise.</summary>
    private static byte[] File(int rows)
    {
        var sb = new StringBuilder("行政相对人名称,行政相对人类别,统一社会信用代码,证件号码,行政处罚决定书文号,处罚类别,罚款金额,没收违法所得、没收非法财物的金额,拘留天数,处罚决定日期,备注\n");
        for (var i = 0; i < rows; i++)
            sb.Append("商户").Append(i).Append(",法人及非法人组织,").Append(Workload.Enterprise(50_000_000 + i)).Append(",,张市监罚〔2026〕")
              .Append(i).Append("号,罚款,5,,,").Append(Workload.OccurredAt).Append(",\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static async Task<(double Seconds, string Report, double Validating)> RunImport(Options o, string storeKind, int rows)
    {
        await using var store = await Store.Create(storeKind, o.RunFolder($"imports-{storeKind}"));
        await using var silo = await SiloRunner.Start(store.Folder, store.SiloArguments, hook: true);
        using var client = silo.Client(SiloRunner.Reporter, TimeSpan.FromMinutes(10));
        // Warm the silo up on a small import of its own (not counted).
        await Import(client, File(50), TimeSpan.FromSeconds(120));
        var file = File(rows);
        var sw = Stopwatch.StartNew();
        var (importId, validating, last) = await Import(client, file, TimeSpan.FromSeconds(o.Tiny ? 120 : Math.Max(600, rows / 100.0)), sw);
        var seconds = sw.Elapsed.TotalSeconds;
        return (seconds, $"{importId}: {last}; file {Stats.Bytes(file.Length)}", validating);
    }

    private static async Task<(string ImportId, double Validating, string Counters)> Import(HttpClient client, byte[] file, TimeSpan timeout, Stopwatch? sw = null)
    {
        sw ??= Stopwatch.StartNew();
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "penalties.csv");
        content.Add(new StringContent("punishment"), "format");
        using var response = await client.PostAsync("/api/v1/imports", content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"import refused: {(int)response.StatusCode} {text}");
        var importId = JsonDocument.Parse(text).RootElement.GetProperty("importId").GetString()!;
        var validating = double.NaN;
        while (sw.Elapsed < timeout)
        {
            await Task.Delay(100);
            using var doc = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/imports/{importId}?pageSize=1"));
            var root = doc.RootElement;
            var status = root.GetProperty("status").GetString();
            if (status != "validating" && double.IsNaN(validating)) validating = sw.Elapsed.TotalSeconds;
            if (status == "done")
                return (importId, validating, string.Join(", ", new[] { "total", "valid", "rejected", "held", "accepted", "applied" }.Select(k => $"{k} {root.GetProperty(k).GetInt32()}")));
        }
        throw new TimeoutException($"import {importId} not done after {timeout}");
    }
}
