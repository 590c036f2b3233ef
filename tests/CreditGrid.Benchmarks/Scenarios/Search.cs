using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CreditGrid.Benchmarks.Harness;
using Npgsql;

namespace CreditGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario: `GET /api/v1/subjects?q=…` (issue 13 item 1) over a subject_summary of 1,000,000 generated subjects
/// (tiny: 20,000), through the real program's HTTP endpoint with the operator key, one query at a time: p50/p95/p99
/// per kind of query. Target p95 ≤ 50 ms. The rows are written straight into the projection (with their trigram
/// index: the SQLite triggers, the PostgreSQL GIN) after the program created the schema, then the program restarts.
/// </summary>
public static class Search
{
    private sealed record Query(string Kind, string Text);

    private sealed record Result(string Store, int Subjects, TimeSpan Fill, long Bytes, Dictionary<string, List<double>> Ms, long Empty, long Results);

    public static async Task<string> Run(Options o, Machine machine)
    {
        var load = Proc.LoadAverage1();
        var subjects = o.Tiny ? 20_000 : 1_000_000;
        var count = o.Tiny ? 200 : 600;
        var results = new List<Result>();
        foreach (var kind in o.Stores)
        {
            await using var store = await Store.Create(kind, o.RunFolder("search-" + kind));
            await using (var _ = await SiloRunner.Start(store.Folder, store.SiloArguments)) { } // the schema
            var clock = Stopwatch.StartNew();
            var sample = await Fill(store, subjects);
            var fill = clock.Elapsed;
            Console.WriteLine($"[search] {store.Label}: {subjects:N0} subjects written in {fill.TotalSeconds:F0} s");
            var queries = Queries(sample, count, new Random(7));
            await using var silo = await SiloRunner.Start(store.Folder, store.SiloArguments);
            using var client = silo.Client(SiloRunner.Operator, TimeSpan.FromSeconds(30));
            foreach (var q in queries.Take(30)) (await client.GetAsync("/api/v1/subjects?" + q.Text)).EnsureSuccessStatusCode(); // warm up
            var ms = new Dictionary<string, List<double>>();
            long empty = 0, found = 0;
            foreach (var q in queries)
            {
                var started = Stopwatch.GetTimestamp();
                var response = await client.GetAsync("/api/v1/subjects?" + q.Text);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{q.Text}: {(int)response.StatusCode} {body}");
                var total = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64();
                if (total == 0) empty++;
                found += total;
                foreach (var key in new[] { q.Kind, "all" })
                {
                    if (!ms.TryGetValue(key, out var list)) ms[key] = list = [];
                    list.Add(elapsed);
                }
            }
            results.Add(new Result(store.Label, subjects, fill, await store.SizeOnDisk(), ms, empty, found));
            foreach (var (key, list) in ms.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                list.Sort();
                Console.WriteLine($"[search] {store.Label} {key}: n={list.Count} p50 {Stats.Percentile(list, 50):F1} p95 {Stats.Percentile(list, 95):F1} p99 {Stats.Percentile(list, 99):F1} ms");
            }
        }
        return Markdown(o, machine, load, results, count);
    }

    /// <summary>The mix an operator types: 2-character name starts, 3-6 characters of the name's own part, identifier starts, filters; and broad words.</summary>
    private static List<Query> Queries(List<SearchSubject> sample, int count, Random random)
    {
        string Esc(string s) => Uri.EscapeDataString(s);
        SearchSubject Any() => sample[random.Next(sample.Count)];
        var list = new List<Query>();
        for (var i = 0; i < count; i++)
        {
            var s = Any();
            switch (i % 10)
            {
                case 0 or 1 or 2:
                    list.Add(new("2-char name prefix", "q=" + Esc(s.Name[..2])));
                    break;
                case 3 or 4 or 5:
                    {
                        // 3-6 characters around the name's own part (字号, given name): what is remembered of a name.
                        var length = Math.Min(s.Name.Length, 3 + random.Next(4));
                        var latest = Math.Min(s.Distinct.Start.Value, s.Name.Length - length);
                        var earliest = Math.Max(0, s.Distinct.End.Value - length);
                        var start = Math.Min(latest, earliest + random.Next(Math.Max(1, latest - earliest + 1)));
                        list.Add(new("3-6 char part of the name", "q=" + Esc(s.Name.Substring(start, length))));
                        break;
                    }
                case 6 or 7:
                    list.Add(new("identifier prefix (10-16)", "q=" + Esc(s.Id[..(10 + random.Next(7))])));
                    break;
                case 8:
                    list.Add(random.Next(4) switch
                    {
                        0 => new("filter: black merchants of a street", $"kind=merchant&color=black&street={Esc(SearchData.Streets[random.Next(SearchData.Streets.Length)])}"),
                        1 => new("filter: enterprises graded C", "kind=enterprise&grade=C"),
                        2 => new("filter: downgraded", "downgraded=true"),
                        _ => new("filter: kind + first 3 chars", $"q={Esc(s.Name.Length >= 3 ? s.Name[..3] : s.Name)}&kind={s.Kind}"),
                    });
                    break;
                default:
                    // Broad words: a trade or a region that thousands of names share (reported on their own row as well).
                    list.Add(new("broad word (商贸, 淄博…)", "q=" + Esc(new[] { "商贸", "淄博", "有限公司", "餐饮", "张店区", "烧烤" }[random.Next(6)])));
                    break;
            }
        }
        return list;
    }

    /// <summary>Writes the rows in one transaction (SQLite) or one binary COPY (PostgreSQL); returns a sample for the queries.</summary>
    private static async Task<List<SearchSubject>> Fill(Store store, int subjects)
    {
        var sample = new List<SearchSubject>();
        var at = DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var i = 0;
        await using var connection = await store.Open();
        if (connection is NpgsqlConnection pg)
        {
            await using (var copy = await pg.BeginBinaryImportAsync(
                "COPY subject_summary (kind, id, name, score, grade, stars, color, street, downgraded, version, updated_at, handle) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var s in SearchData.Generate(subjects, 13))
                {
                    if (i++ % 97 == 0) sample.Add(s);
                    await copy.WriteRowAsync(default, s.Kind, s.Id, s.Name, s.Score, s.Grade, s.Stars, s.Color, s.Street, s.Downgraded ? 1 : 0, 1L, at, s.Handle);
                }
                await copy.CompleteAsync();
            }
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE subject_summary", pg); // as autovacuum does after a load this size
            await analyze.ExecuteNonQueryAsync();
            return sample;
        }
        await using var tx = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO subject_summary (kind, id, name, score, grade, stars, color, street, downgraded, version, updated_at, handle)
            VALUES ($kind, $id, $name, $score, $grade, $stars, $color, $street, $downgraded, 1, $at, $handle)
            """;
        var p = new Dictionary<string, DbParameter>();
        foreach (var name in new[] { "kind", "id", "name", "score", "grade", "stars", "color", "street", "downgraded", "at", "handle" })
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "$" + name;
            insert.Parameters.Add(parameter);
            p[name] = parameter;
        }
        foreach (var s in SearchData.Generate(subjects, 13))
        {
            if (i++ % 97 == 0) sample.Add(s);
            p["kind"].Value = s.Kind; p["id"].Value = s.Id; p["name"].Value = s.Name; p["score"].Value = (object?)s.Score ?? DBNull.Value;
            p["grade"].Value = (object?)s.Grade ?? DBNull.Value; p["stars"].Value = (object?)s.Stars ?? DBNull.Value;
            p["color"].Value = (object?)s.Color ?? DBNull.Value; p["street"].Value = (object?)s.Street ?? DBNull.Value;
            p["downgraded"].Value = s.Downgraded ? 1 : 0; p["at"].Value = at; p["handle"].Value = s.Handle;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return sample;
    }

    private static string Markdown(Options o, Machine machine, double load, List<Result> results, int count)
    {
        var sb = new StringBuilder();
        sb.AppendLine("### Search (`GET /api/v1/subjects?q=…`) over the subject_summary projection").AppendLine();
        sb.AppendLine(Report.Header(o, machine, load));
        var t = new Table("store", "subjects", "written in s", "database size", "query kind", "queries", "p50 ms", "p95 ms", "p99 ms", "max ms");
        foreach (var r in results)
            foreach (var (key, list) in r.Ms.OrderBy(k => k.Key == "all" ? "~" : k.Key, StringComparer.Ordinal))
            {
                t.Add(r.Store, r.Subjects, r.Fill.TotalSeconds, Stats.Bytes(r.Bytes), key == "all" ? "**all**" : key, list.Count,
                    Stats.Percentile(list, 50), Stats.Percentile(list, 95), Stats.Percentile(list, 99), list[^1]);
            }
        sb.AppendLine(t.ToString());
        sb.AppendLine($"{count} queries one at a time through HTTP (operator key; time to the last byte of the page of 50), after 30 warm-up queries; " +
                      "the mix: 30 % the first 2 characters of a name, 30 % 3-6 characters around a name's own part (字号, given name), 20 % the first 10-16 " +
                      "characters of an identifier, 10 % filters (black merchants of a street, enterprises graded C, downgraded, a kind with 3 characters), " +
                      "10 % broad words shared by thousands of names (商贸, 淄博, 有限公司, 餐饮, 张店区, 烧烤). " +
                      string.Join(" ", results.Select(r => $"{r.Store}: {r.Empty} of {count} queries found nothing, {r.Results / (double)count:N0} subjects found per query on average.")) +
                      " Target: p95 ≤ 50 ms (issue 13).");
        return sb.ToString();
    }
}
