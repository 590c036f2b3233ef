using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CreditGrid.Api.Tests.Imports;

/// <summary>Files in the national 行政处罚 双公示 columns, and the calls the import tests make.</summary>
public static class ImportFiles
{
    public static readonly string[] Columns =
        ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "证件号码", "行政处罚决定书文号", "处罚类别", "罚款金额", "没收违法所得、没收非法财物的金额", "拘留天数", "处罚决定日期", "备注"];

    /// <summary>One penalty row; every cell quoted, so 处罚类别 may hold commas.</summary>
    public sealed record Penalty(string Uscc, string Kinds, string? Fine = null, string? Confiscated = null, string Category = "法人及非法人组织",
        string? PersonId = null, string? Days = null, string Date = "2026-10-02", string? Remarks = null, string? Decision = null, string Name = "张店某某餐饮店")
    {
        public string Decided { get; } = Decision ?? "张市监罚〔2026〕" + Guid.NewGuid().ToString("N")[..8] + "号";
        public string?[] Cells => [Name, Category, Uscc, PersonId, Decided, Kinds, Fine, Confiscated, Days, Date, Remarks];
    }

    public static byte[] Csv(IEnumerable<Penalty> rows, string[]? header = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', (header ?? Columns).Select(Quote)));
        foreach (var r in rows) sb.AppendLine(string.Join(',', r.Cells.Select(Quote)));
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Quote(string? cell) => cell is null ? "" : "\"" + cell.Replace("\"", "\"\"") + "\"";

    public static async Task<HttpResponseMessage> Upload(this GridHost grid, byte[] file, string fileName = "penalties.csv", string? format = "punishment",
        bool? dryRun = null, string key = GridHost.Reporter, string? language = null)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        content.Add(part, "file", fileName);
        if (format is not null) content.Add(new StringContent(format), "format");
        if (dryRun is not null) content.Add(new StringContent(dryRun.Value ? "true" : "false"), "dryRun");
        var client = grid.Client(key);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.PostAsync("/api/v1/imports", content);
    }

    /// <summary>Uploads, expects 202, and waits until the import reaches <paramref name="status"/>.</summary>
    public static async Task<JsonElement> Import(this GridHost grid, byte[] file, string status = "done", string fileName = "penalties.csv",
        bool dryRun = false, string format = "punishment", string query = "")
    {
        var response = await grid.Upload(file, fileName, format, dryRun);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {text}");
        var importId = JsonDocument.Parse(text).RootElement.GetProperty("importId").GetString()!;
        return await grid.WaitImport(importId, status, query);
    }

    public static async Task<JsonElement> WaitImport(this GridHost grid, string importId, string status, string query = "", string key = GridHost.Reporter)
    {
        var client = grid.Client(key);
        JsonElement last = default;
        for (var i = 0; i < 1200; i++)
        {
            var response = await client.GetAsync($"/api/v1/imports/{importId}{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.Body();
            if (last.GetProperty("status").GetString() == status) return last;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"import {importId} never became {status}: {last}");
    }

    public static JsonElement RowAt(this JsonElement import, int row) =>
        import.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("row").GetInt32() == row);

    /// <summary>The indicators of a subject's records, in the order the subject view lists them.</summary>
    public static async Task<string[]> Indicators(this GridHost grid, string kind, string id) =>
        [.. (await grid.Subject(kind, id)).GetProperty("records").EnumerateArray().Select(r => r.GetProperty("indicator").GetString()!).Order()];
}
