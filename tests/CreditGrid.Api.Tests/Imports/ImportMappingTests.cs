using System.Net;
using static CreditGrid.Api.Tests.Imports.ImportFiles;

namespace CreditGrid.Api.Tests.Imports;

/// <summary>domain-rules §11: each mapping rule of the 行政处罚 双公示 file, through POST /api/v1/imports on the real host.</summary>
public class ImportMappingTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task Fines_in_wan_yuan_land_in_the_bands_the_seed_prints_edges_included()
    {
        // 1万元及以下 · 1万元至10万元（含） · 10万元至50万元（含） · 50万元至100万元（含） · 100万元以上
        var cases = new (string Fine, string Band)[]
        {
            ("1", "E-PEN-FINE-UP-TO-10K"), ("1.01", "E-PEN-FINE-10K-100K"), ("10", "E-PEN-FINE-10K-100K"),
            ("50", "E-PEN-FINE-100K-500K"), ("100", "E-PEN-FINE-500K-1M"), ("100.5", "E-PEN-FINE-OVER-1M"),
        };
        var rows = cases.Select(c => new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: c.Fine)).ToList();
        var import = await grid.Import(Csv(rows));
        Assert.Equal(cases.Length, import.GetProperty("applied").GetInt32());
        for (var i = 0; i < cases.Length; i++)
            Assert.Equal([cases[i].Band], await grid.Indicators("enterprise", rows[i].Uscc));
    }

    [Fact]
    public async Task A_header_in_yuan_switches_the_unit_so_ten_thousand_yuan_is_the_lowest_band()
    {
        var header = Columns.Select(c => c == "罚款金额" ? "罚款金额（元）" : c == "没收违法所得、没收非法财物的金额" ? c + "(元)" : c).ToArray();
        var rows = new[]
        {
            new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "10000"),
            new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "10000.5"),
            new Penalty(GridHost.NewEnterpriseId(), "没收违法所得", Confiscated: "50000"),
        };
        await grid.Import(Csv(rows, header));
        Assert.Equal(["E-PEN-FINE-UP-TO-10K"], await grid.Indicators("enterprise", rows[0].Uscc));
        Assert.Equal(["E-PEN-FINE-10K-100K"], await grid.Indicators("enterprise", rows[1].Uscc));
        Assert.Equal(["E-PEN-CONFISCATE-10K-50K"], await grid.Indicators("enterprise", rows[2].Uscc));
    }

    [Fact]
    public async Task Several_penalty_kinds_in_one_decision_make_one_event_each_and_only_the_highest_counts()
    {
        var row = new Penalty(GridHost.NewEnterpriseId(), "罚款；没收违法所得、没收非法财物;警告", Fine: "5", Confiscated: "2");
        var import = await grid.Import(Csv([row]));
        var line = import.RowAt(2);
        Assert.Equal("applied", line.GetProperty("status").GetString());
        Assert.Equal(3, line.GetProperty("eventIds").GetArrayLength());
        Assert.Equal(["E-PEN-CONFISCATE-10K-50K", "E-PEN-FINE-10K-100K", "E-PEN-NOTICE"], await grid.Indicators("enterprise", row.Uscc));
        // §3 rule 1: one decision (actionRef = 决定书文号), the largest sanction only: the 1万元至10万元 fine, −40.
        Assert.Equal(960, (await grid.Subject("enterprise", row.Uscc)).GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task A_warning_scores_on_the_notice_row_and_says_so()
    {
        var row = new Penalty(GridHost.NewEnterpriseId(), "警告");
        await grid.Import(Csv([row]));
        var subject = await grid.Subject("enterprise", row.Uscc);
        var record = subject.GetProperty("records")[0];
        Assert.Equal("E-PEN-NOTICE", record.GetProperty("indicator").GetString());
        Assert.Contains("警告", record.GetProperty("explanation").GetString());
        Assert.Equal(990, subject.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task A_penalty_by_simplified_procedure_is_rejected_with_the_article_and_nothing_is_stored()
    {
        var rows = new[]
        {
            new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "0.02", Remarks: "适用简易程序当场作出"),
            new Penalty(GridHost.NewEnterpriseId(), "罚款", Fine: "0.5", Remarks: "当事人主动消除违法行为危害后果"),
        };
        var import = await grid.Import(Csv(rows));
        Assert.Equal(2, import.GetProperty("rejected").GetInt32());
        var first = import.RowAt(2).GetProperty("errors").GetProperty("备注")[0].GetString()!;
        Assert.Contains("简易程序", first);
        Assert.Contains("第十四条", first);
        Assert.Contains("主动消除", import.RowAt(3).GetProperty("errors").GetProperty("备注")[0].GetString());
        var response = await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{rows[0].Uscc}");
        Assert.True(response.StatusCode == HttpStatusCode.NotFound || (await response.Body()).GetProperty("records").GetArrayLength() == 0);
    }

    [Fact]
    public async Task A_permanent_business_restriction_takes_the_minus_400_row_and_a_plain_one_the_minus_200_row()
    {
        var lasting = new Penalty(GridHost.NewEnterpriseId(), "限制开展生产经营活动", Remarks: "永久限制开展生产经营活动");
        var plain = new Penalty(GridHost.NewEnterpriseId(), "限制从业");
        var lifetime = new Penalty(GridHost.NewEnterpriseId(), "限制从业", Remarks: "终身");
        await grid.Import(Csv([lasting, plain, lifetime]));
        Assert.Equal(["E-PEN-BUSINESS-BANNED-PERMANENTLY"], await grid.Indicators("enterprise", lasting.Uscc));
        Assert.Equal(600, (await grid.Subject("enterprise", lasting.Uscc)).GetProperty("score").GetInt32());
        Assert.Equal(["E-PEN-PRACTICE-RESTRICTED"], await grid.Indicators("enterprise", plain.Uscc));
        Assert.Equal(["E-PEN-PRACTICE-BANNED-FOR-LIFE"], await grid.Indicators("enterprise", lifetime.Uscc));
    }

    [Fact]
    public async Task An_other_penalty_is_held_until_the_desk_gives_its_points_or_skips_it()
    {
        var decided = new Penalty(GridHost.NewEnterpriseId(), "责令限期拆除");
        var skipped = new Penalty(GridHost.NewEnterpriseId(), "责令限期拆除");
        var response = await grid.Upload(Csv([decided, skipped]));
        var importId = (await response.Body()).GetProperty("importId").GetString()!;
        var import = await grid.WaitImport(importId, "done");
        Assert.Equal(2, import.GetProperty("held").GetInt32());
        var held = import.RowAt(2);
        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.Contains("其他行政处罚", held.GetProperty("errors").GetProperty("points")[0].GetString());

        var client = grid.Client(GridHost.Reporter);
        var outside = await client.PostAsync($"/api/v1/imports/{importId}/rows/2", Calls.Json(new { points = -401 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.True((await outside.Body()).GetProperty("errors").TryGetProperty("points", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/imports/{importId}/rows/2", Calls.Json(new { points = -50 }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/imports/{importId}/rows/3", Calls.Json(new { skip = true }))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/imports/{importId}/rows/3", Calls.Json(new { skip = true }))).StatusCode);

        import = await grid.WaitImport(importId, "done", query: "?status=applied");
        Assert.Equal(1, import.GetProperty("applied").GetInt32());
        Assert.Equal(1, import.GetProperty("rejected").GetInt32());
        Assert.Equal(0, import.GetProperty("held").GetInt32());
        Assert.Equal(["E-PEN-OTHER"], await grid.Indicators("enterprise", decided.Uscc));
        Assert.Equal(950, (await grid.Subject("enterprise", decided.Uscc)).GetProperty("score").GetInt32());
        var gone = await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{skipped.Uscc}");
        Assert.True(gone.StatusCode == HttpStatusCode.NotFound || (await gone.Body()).GetProperty("records").GetArrayLength() == 0);
    }

    [Fact]
    public async Task A_person_must_be_registered_and_detention_takes_the_band_of_its_days()
    {
        var unregistered = GridHost.NewPersonId();
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "导入测试人" });
        var rows = new[]
        {
            new Penalty("", "行政拘留", Category: "自然人", PersonId: unregistered, Days: "5"),
            new Penalty("", "行政拘留", Category: "自然人", PersonId: person, Days: "5"),
            new Penalty("", "行政拘留", Category: "自然人", PersonId: person, Days: "6"),
            new Penalty("", "行政拘留", Category: "自然人", PersonId: person, Days: "11"),
            new Penalty(GridHost.NewEnterpriseId(), "行政拘留", Days: "3"),
        };
        var import = await grid.Import(Csv(rows));
        Assert.Contains("登记", import.RowAt(2).GetProperty("errors").GetProperty("证件号码")[0].GetString());
        Assert.Contains("自然人", import.RowAt(6).GetProperty("errors").GetProperty("处罚类别")[0].GetString());
        Assert.Equal(3, import.GetProperty("applied").GetInt32());
        Assert.Equal(["P-PEN-DETENTION-11D-PLUS", "P-PEN-DETENTION-6-10D", "P-PEN-DETENTION-UPTO-5D"], await grid.Indicators("person", person));
    }

    [Fact]
    public async Task A_person_fine_in_wan_yuan_takes_the_person_table_band()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "罚款测试人" });
        // 0.05万元 = 500元: 处以500元及以下罚款 (L2956 row), edge included.
        await grid.Import(Csv([new Penalty("", "罚款", Fine: "0.05", Category: "自然人", PersonId: person)]));
        Assert.Equal(["P-PEN-FINE-UPTO-500"], await grid.Indicators("person", person));
    }

    [Fact]
    public async Task An_unknown_subject_category_names_its_column_in_Chinese_and_in_English()
    {
        var response = await grid.Upload(Csv([new Penalty(GridHost.NewEnterpriseId(), "警告", Category: "公司")]));
        var importId = (await response.Body()).GetProperty("importId").GetString()!;
        var zh = await grid.WaitImport(importId, "done");
        Assert.Contains("行政相对人类别", zh.RowAt(2).GetProperty("errors").GetProperty("行政相对人类别")[0].GetString());
        var client = grid.Client(GridHost.Reporter);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await (await client.GetAsync($"/api/v1/imports/{importId}")).Body();
        Assert.Contains("must be", en.RowAt(2).GetProperty("errors").GetProperty("行政相对人类别")[0].GetString());
    }
}
