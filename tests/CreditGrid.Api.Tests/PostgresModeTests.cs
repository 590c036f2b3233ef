using System.Diagnostics;
using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>The same contract with Storage:Provider=postgres: grain state, project tables and schema on PostgreSQL.</summary>
public class PostgresModeTests(PostgresGridHost grid) : IClassFixture<PostgresGridHost>
{
    [Fact]
    public async Task Events_subjects_fan_out_and_objections_work_on_PostgreSQL()
    {
        var person = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", person, new { name = "王五", registeredAt = "2026-01-05" })).StatusCode);
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", enterprise, new { name = "某公司", legalRepresentatives = new[] { person } });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = "E-AWARD-CITY", occurredAt = "2026-09-01" });
        var fine = await grid.PushApplied(Calls.Fine(enterprise));
        Assert.Equal(990, (await grid.Subject("enterprise", enterprise)).GetProperty("score").GetInt32());
        Assert.Equal(1020, (await grid.Subject("person", person)).GetProperty("score").GetInt32());

        var record = fine.GetProperty("recordIds")[0].GetString();
        var open = await grid.Client(GridHost.Operator).PostAsync($"/api/v1/records/{record}/objections", Calls.Json(new { objectionId = "pg-obj-1", reason = "x" }));
        Assert.Equal(HttpStatusCode.Created, open.StatusCode);
        var list = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/objections?status=open")).Body();
        Assert.Contains(list.EnumerateArray(), o => o.GetProperty("objectionId").GetString() == "pg-obj-1");
        var duplicate = await grid.Push(Calls.Fine(enterprise, fine.GetProperty("eventId").GetString(), actionRef: "other"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Merchants_and_incidents_work_on_PostgreSQL()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "水晶街PG店", street = "水晶街" });
        var inspected = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "pg-i1", date = "2026-11-27",
            findings = new[] { new { findingId = "pg-f1", area = "消防安全", problem = "通道堵塞", deadline = "2026-12-01" } },
        }));
        Assert.Equal("yellow", (await inspected.Body()).GetProperty("color").GetString());
        var incident = await grid.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(new
        {
            incidentId = "pg-inc-1", title = "t", type = "火灾事故", severity = "较大", occurredAt = "2026-11-28T00:00:00Z",
        }));
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client().GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task The_migrate_command_creates_the_schema_and_can_run_twice()
    {
        var database = await PostgresServer.NewDatabase();
        for (var run = 0; run < 2; run++)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "CreditGrid.Silo.dll"), "migrate", "--Storage:Provider=postgres", $"--Storage:ConnectionString={database}" })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, output);
            Assert.Contains("schema is up to date", output);
        }
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var table in new[] { "orleansquery", "intake_events", "record_index", "due_work", "creditgrid_migrations" })
        {
            await using var exists = new Npgsql.NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", connection);
            Assert.True((bool)(await exists.ExecuteScalarAsync())!, table);
        }
    }
}
