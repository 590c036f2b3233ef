using System.Net;
using MiniExcelLibs;
using static CreditGrid.Api.Tests.Imports.ImportFiles;

namespace CreditGrid.Api.Tests.Imports;

/// <summary>http-api "Department desk": POST/GET /api/v1/imports — dry run, idempotency, bad rows, limits, XLSX, departments.</summary>
public class ImportTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task A_dry_run_reports_every_row_and_stores_no_event()
    {
        var rows = new[] { new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "2"), new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "abc") };
        var import = await grid.Import(Csv(rows), status: "ready", dryRun: true);
        Assert.True(import.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, import.GetProperty("total").GetInt32());
        Assert.Equal(1, import.GetProperty("valid").GetInt32());
        Assert.Equal(1, import.GetProperty("rejected").GetInt32());
        Assert.Equal(0, import.GetProperty("accepted").GetInt32());
        var eventId = import.RowAt(2).GetProperty("eventIds")[0].GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{eventId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{rows[0].Uscc}")).StatusCode);
    }

    [Fact]
    public async Task The_desks_sample_file_dry_runs_with_its_rejected_and_held_rows()
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "docs", "samples", "punishment-sample.csv"));
        var import = await grid.Import(file, status: "ready", dryRun: true);
        Assert.Equal(20, import.GetProperty("total").GetInt32());
        Assert.Equal(3, import.GetProperty("rejected").GetInt32()); // 简易程序, 主动消除, 罚款金额 "五万"
        Assert.Equal(1, import.GetProperty("held").GetInt32());     // 责令限期拆除 → 其他行政处罚
        Assert.Equal(16, import.GetProperty("valid").GetInt32());
    }

    [Fact]
    public async Task The_same_file_imported_twice_adds_nothing_the_second_time()
    {
        var rows = new[] { new Penalty(GridHost.NewEnterpriseId(), "罚款；警告", Fine: "3"), new Penalty(GridHost.NewEnterpriseId(), "责令停产停业") };
        var file = Csv(rows);
        var first = await grid.Import(file);
        var second = await grid.Import(file);
        Assert.Equal(2, second.GetProperty("accepted").GetInt32());
        for (var row = 2; row <= 3; row++)
        {
            Assert.True(second.RowAt(row).GetProperty("duplicate").GetBoolean());
            Assert.Equal(first.RowAt(row).GetProperty("eventIds").ToString(), second.RowAt(row).GetProperty("eventIds").ToString());
        }
        Assert.Equal(2, (await grid.Subject("enterprise", rows[0].Uscc)).GetProperty("records").GetArrayLength());
        Assert.Single((await grid.Subject("enterprise", rows[1].Uscc)).GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task A_file_with_one_bad_row_in_ten_thousand_imports_the_rest_and_lists_the_bad_one()
    {
        var subjects = Enumerable.Range(0, 200).Select(_ => GridHost.NewEnterpriseId()).ToArray();
        var rows = Enumerable.Range(0, 10_000)
            .Select(i => new Penalty(subjects[i % subjects.Length], "罚款", Fine: i == 4321 ? "五万" : "0.5", Decision: $"张市监罚〔2026〕{i}号"))
            .ToList();
        var import = await grid.Import(Csv(rows), query: "?status=rejected");
        Assert.Equal(10_000, import.GetProperty("total").GetInt32());
        Assert.Equal(1, import.GetProperty("rejected").GetInt32());
        Assert.Equal(9_999, import.GetProperty("accepted").GetInt32());
        Assert.Equal(9_999, import.GetProperty("applied").GetInt32());
        var bad = Assert.Single(import.GetProperty("rows").EnumerateArray());
        Assert.Equal(4323, bad.GetProperty("row").GetInt32()); // the header is row 1
        Assert.Contains("万元", bad.GetProperty("errors").GetProperty("罚款金额")[0].GetString());

        var client = grid.Client(GridHost.Reporter);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await (await client.GetAsync($"/api/v1/imports/{import.GetProperty("importId").GetString()}?status=rejected")).Body();
        Assert.Contains("must be a number", en.GetProperty("rows")[0].GetProperty("errors").GetProperty("罚款金额")[0].GetString());
    }

    [Fact]
    public async Task A_file_over_64_MiB_is_413()
    {
        var big = new byte[64 * 1024 * 1024 + 1];
        var response = await grid.Upload(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("64 MiB", (await response.Body()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("penalties.csv", "penalty", 400, "format", "format")]
    [InlineData("penalties.csv", null, 400, "format", "format")]
    [InlineData("penalties.txt", "punishment", 415, "file", ".xlsx")]
    [InlineData("penalties.xlsx", "punishment", 422, "file", "Excel")]
    public async Task A_wrong_format_or_extension_is_refused_in_Chinese_and_nothing_is_stored(string fileName, string? format, int status, string field, string says)
    {
        var response = await grid.Upload(Csv([new Penalty(GridHost.NewEnterpriseId(), "警告")]), fileName, format);
        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Body();
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(says, message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        var list = await (await grid.Client(GridHost.Reporter).GetAsync("/api/v1/imports?pageSize=500")).Body();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("fileName").GetString() == fileName && fileName != "penalties.csv");
    }

    [Fact]
    public async Task A_file_without_the_national_columns_is_422_naming_the_missing_ones()
    {
        var response = await grid.Upload(Csv([], header: ["名称", "处罚类别"]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("行政处罚决定书文号", (await response.Body()).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task An_xlsx_file_made_with_the_library_imports_like_the_csv()
    {
        var uscc = GridHost.NewEnterpriseId();
        var sheet = new List<Dictionary<string, object?>>
        {
            new()
            {
                ["行政相对人名称"] = "张店某某超市", ["行政相对人类别"] = "个体工商户", ["统一社会信用代码"] = uscc, ["证件号码"] = null,
                ["行政处罚决定书文号"] = "张市监罚〔2026〕X1号", ["处罚类别"] = "罚款", ["罚款金额（万元）"] = 12.5, ["没收违法所得、没收非法财物的金额"] = null,
                ["拘留天数"] = null, ["处罚决定日期"] = new DateTime(2026, 10, 2), ["备注"] = null,
            },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, excelType: ExcelType.XLSX);
        var import = await grid.Import(stream.ToArray(), fileName: "penalties.xlsx");
        Assert.True(import.GetProperty("applied").GetInt32() == 1, import.ToString());
        Assert.Equal(["E-PEN-FINE-100K-500K"], await grid.Indicators("enterprise", uscc));
    }

    [Fact]
    public async Task The_events_format_takes_one_column_per_event_field()
    {
        var uscc = GridHost.NewEnterpriseId();
        var csv = "eventId,subjectKind,subjectId,indicator,occurredAt,actionRef,points\n" +
                  $"{GridHost.NewEventId()},enterprise,{uscc},E-PEN-NOTICE,2026-10-02,A-1,\n" +
                  $"{GridHost.NewEventId()},enterprise,{uscc},E-PEN-OTHER,2026-10-02,A-2,ten\n";
        var import = await grid.Import(System.Text.Encoding.UTF8.GetBytes(csv), format: "events");
        Assert.Equal(1, import.GetProperty("applied").GetInt32());
        Assert.True(import.RowAt(3).GetProperty("errors").TryGetProperty("points", out _));
        Assert.Equal(["E-PEN-NOTICE"], await grid.Indicators("enterprise", uscc));
    }

    [Fact]
    public async Task Another_departments_import_is_404_and_not_in_its_list()
    {
        var import = await grid.Import(Csv([new Penalty(GridHost.NewEnterpriseId(), "警告")]));
        var importId = import.GetProperty("importId").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.TaxReporter).GetAsync($"/api/v1/imports/{importId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.TaxReporter).PostAsync($"/api/v1/imports/{importId}/rows/2", Calls.Json(new { skip = true }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/imports/{importId}")).StatusCode);
        var theirs = await (await grid.Client(GridHost.TaxReporter).GetAsync("/api/v1/imports")).Body();
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("importId").GetString() == importId);
        var ours = await (await grid.Client(GridHost.Reporter).GetAsync("/api/v1/imports?pageSize=500")).Body();
        Assert.Contains(ours.GetProperty("items").EnumerateArray(), i => i.GetProperty("importId").GetString() == importId);
    }

    private static class Repository
    {
        public static string Root { get; } = Find();

        private static string Find()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "CreditGrid.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("CreditGrid.sln");
        }
    }

    [Fact]
    public async Task An_import_interrupted_by_a_restart_is_completed_on_the_next_start()
    {
        var rows = Enumerable.Range(0, 3_000).Select(i => new Penalty(GridHost.NewEnterpriseId(), "警告", Decision: $"张市监罚〔2026〕R{i}号")).ToList();
        var response = await grid.Upload(Csv(rows));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var importId = (await response.Body()).GetProperty("importId").GetString()!;
        await grid.Restart();
        var import = await grid.WaitImport(importId, "done");
        Assert.Equal(3_000, import.GetProperty("applied").GetInt32());
        Assert.Equal(["E-PEN-NOTICE"], await grid.Indicators("enterprise", rows[^1].Uscc));
    }
}
