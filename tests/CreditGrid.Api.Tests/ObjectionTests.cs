using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11, item 15: the subject grain owns its objections (L815); the objections table is a projection written with
/// the grain's state, listed per http-api "Work queues", and rebuilt from the dossiers by `rebuild-projections`.
/// </summary>
public sealed class ObjectionTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task Two_objections_open_on_one_record_are_listed_with_the_subjects_masked_id_name_and_the_records_group()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "赵六" });
        var applied = await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-01" });
        var record = applied.GetProperty("recordIds")[0].GetString();
        var first = "obj-" + Guid.NewGuid().ToString("N")[..8];
        var second = "obj-" + Guid.NewGuid().ToString("N")[..8];
        var client = grid.Client(GridHost.Operator);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = first, reason = "不是本人" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = second, reason = "金额有误", needsOtherUnits = true }))).StatusCode);

        var open = (await (await client.GetAsync("/api/v1/objections?status=open")).Body()).EnumerateArray()
            .Where(o => o.GetProperty("recordId").GetString() == record).ToList();
        Assert.Equal(new[] { first, second }.Order(), open.Select(o => o.GetProperty("objectionId").GetString()!).Order());
        foreach (var o in open)
        {
            Assert.Equal("person", o.GetProperty("subjectKind").GetString());
            Assert.Equal(person[..6] + "********" + person[^4..], o.GetProperty("subjectId").GetString());
            Assert.Equal("赵六", o.GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(o.GetProperty("group").GetString()));
            Assert.False(string.IsNullOrEmpty(o.GetProperty("recordName").GetString()));
            Assert.Equal("2026-11-28", o.GetProperty("openedAt").GetString());
            Assert.False(o.GetProperty("overdue").GetBoolean());
        }
        Assert.Equal("2026-12-08", open.Single(o => o.GetProperty("objectionId").GetString() == second).GetProperty("dueAt").GetString()); // 7 working days (L815)

        // Resolving one leaves the record objected while the other is open.
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/objections/{first}/resolve", Calls.Json(new { upheld = false }))).StatusCode);
        Assert.Equal("objected", (await grid.Subject("person", person)).GetProperty("records")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/objections/{second}/resolve", Calls.Json(new { upheld = false }))).StatusCode);
        Assert.Equal("active", (await grid.Subject("person", person)).GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_objection_id_is_idempotent_on_its_record_and_409_on_another_subjects_record()
    {
        var a = await grid.PushApplied(Calls.Fine(GridHost.NewEnterpriseId()));
        var b = await grid.PushApplied(Calls.Fine(GridHost.NewEnterpriseId()));
        var objectionId = "obj-" + Guid.NewGuid().ToString("N")[..8];
        var client = grid.Client(GridHost.CreditCenter);
        var recordA = a.GetProperty("recordIds")[0].GetString();
        var created = await client.PostAsync($"/api/v1/records/{recordA}/objections", Calls.Json(new { objectionId, reason = "x" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await client.PostAsync($"/api/v1/records/{recordA}/objections", Calls.Json(new { objectionId, reason = "x" }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await created.Body()).GetProperty("dueAt").GetString(), (await again.Body()).GetProperty("dueAt").GetString());
        var other = await client.PostAsync($"/api/v1/records/{b.GetProperty("recordIds")[0].GetString()}/objections", Calls.Json(new { objectionId, reason = "x" }));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        var listed = (await (await client.GetAsync("/api/v1/objections")).Body()).EnumerateArray().Where(o => o.GetProperty("objectionId").GetString() == objectionId).ToList();
        Assert.Equal(recordA, Assert.Single(listed).GetProperty("recordId").GetString());
    }
}

/// <summary>The objection list survives kill -9 and is rebuilt from the dossiers by the rebuild-projections command.</summary>
public sealed class ObjectionRebuildTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditgrid-objections", Guid.NewGuid().ToString("N"));

    public ObjectionRebuildTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task After_kill_minus_9_and_a_lost_objection_table_rebuild_projections_lists_the_dossiers_objections_again_overdue()
    {
        var id = GridHost.NewEnterpriseId();
        string record;
        await using (var silo = await SiloProcess.Start(_folder, GridHost.Now))
        {
            await silo.Client(GridHost.CreditCenter).PutAsync($"/api/v1/subjects/enterprise/{id}", Calls.Json(new { name = "异议企业" }));
            var push = await silo.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(Calls.Fine(id)));
            var eventId = (await push.Body()).GetProperty("eventId").GetString();
            record = await RecordOf(silo, eventId!);
            var opened = await silo.Client(GridHost.Operator).PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = "rebuild-1", reason = "x" }));
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            silo.KillHard();
        }
        // The projection is lost (an older database, a restore without it): the dossiers still hold the objection.
        await TestStore.Execute(_folder, "DELETE FROM objections");
        var (exit, output) = await RebuildProjections();
        Assert.True(exit == 0, output);
        Assert.Contains("projections rebuilt", output);

        // Ten days later the objection (due 2026-12-02) is overdue: status=open includes it, status=overdue lists it.
        await using var restarted = await SiloProcess.Start(_folder, GridHost.Now.AddDays(10));
        var client = restarted.Client(GridHost.Operator);
        var open = Assert.Single((await (await client.GetAsync("/api/v1/objections?status=open")).Body()).EnumerateArray());
        Assert.Equal("rebuild-1", open.GetProperty("objectionId").GetString());
        Assert.Equal(record, open.GetProperty("recordId").GetString());
        Assert.Equal("异议企业", open.GetProperty("name").GetString());
        Assert.True(open.GetProperty("overdue").GetBoolean());
        Assert.Single((await (await client.GetAsync("/api/v1/objections?status=overdue")).Body()).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await restarted.Client(GridHost.CreditCenter).PostAsync("/api/v1/objections/rebuild-1/resolve", Calls.Json(new { upheld = true }))).StatusCode);
        var subject = await (await client.GetAsync($"/api/v1/subjects/enterprise/{id}")).Body();
        Assert.Equal("revoked", subject.GetProperty("records")[0].GetProperty("status").GetString());
    }

    private static async Task<string> RecordOf(SiloProcess silo, string eventId)
    {
        var client = silo.Client(GridHost.CreditCenter);
        JsonElement last = default;
        for (var i = 0; i < 300; i++)
        {
            last = await (await client.GetAsync($"/api/v1/events/{eventId}")).Body();
            if (last.GetProperty("status").GetString() == "applied") return last.GetProperty("recordIds")[0].GetString()!;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"event {eventId} never applied: {last}");
    }

    private async Task<(int Exit, string Output)> RebuildProjections()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "CreditGrid.Silo.dll"), "rebuild-projections", "--urls", $"http://127.0.0.1:{SiloProcess.FreePort()}",
            "--Logging:LogLevel:Default=Warning", .. await SiloProcess.StoreOf(_folder),
            // Outside the embedded mode keys always come from configuration (the host refuses to start without them).
            $"--Auth:ApiKeys:0:Key={GridHost.CreditCenter}", "--Auth:ApiKeys:0:Department=区社会信用中心", "--Auth:ApiKeys:0:Roles:0=credit-center"];
        foreach (var arg in arguments)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); return (-1, "rebuild-projections did not exit within 2 minutes"); }
        return (process.ExitCode, await output + await errors);
    }
}

/// <summary>Direct SQL on a test folder's store (SQLite file or its PostgreSQL database), to damage what a test then repairs.</summary>
public static class TestStore
{
    public static async Task Execute(string folder, string sql)
    {
        var arguments = await SiloProcess.StoreOf(folder);
        var cs = arguments.Single(a => a.StartsWith("--Storage:ConnectionString=", StringComparison.Ordinal))["--Storage:ConnectionString=".Length..];
        await using System.Data.Common.DbConnection connection = GridHost.OnPostgres ? new Npgsql.NpgsqlConnection(cs) : new Microsoft.Data.Sqlite.SqliteConnection(cs);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
