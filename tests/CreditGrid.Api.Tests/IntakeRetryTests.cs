using System.Net;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Claims without row rewrites (issue 16, docs/intake.md): an event whose grain call fails stays 'accepted' under its
/// silo's lease and is offered again every round until it is applied, while newer events of other subjects flow past it.
/// The failure is real: the store refuses the subject's projection row (a trigger), so its grain write fails.
/// On SQLite by default, on PostgreSQL with CREDITGRID_TEST_STORE=postgres.
/// </summary>
public sealed class IntakeRetryTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task An_event_whose_grain_write_fails_stays_accepted_and_is_applied_once_the_store_takes_the_write_again()
    {
        var refused = GridHost.NewEnterpriseId();
        var other = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", refused, new { name = "重试测试公司" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", other, new { name = "旁路测试公司" })).StatusCode);

        await Refuse(refused);
        string stuck;
        try
        {
            var response = await grid.Push(Calls.Fine(refused));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            stuck = (await response.Body()).GetProperty("eventId").GetString()!;

            // Events after it, of another subject, are applied meanwhile; the refused one is still accepted.
            await grid.PushApplied(Calls.Fine(other));
            await Task.Delay(TimeSpan.FromSeconds(1));
            var status = await (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{stuck}")).Body();
            Assert.Equal("accepted", status.GetProperty("status").GetString());
        }
        finally
        {
            await Allow();
        }

        await grid.WaitFor(stuck, "applied");
        await grid.Restart(); // applied means stored: the record is there after a restart too
        var records = (await grid.Subject("enterprise", refused)).GetProperty("records").EnumerateArray()
            .Select(r => r.GetProperty("eventId").GetString()).ToList();
        Assert.Equal(1, records.Count(id => id == stuck));
    }

    private Task Refuse(string subjectId) => Exec(GridHost.OnPostgres
        ? [
            "CREATE OR REPLACE FUNCTION test_refuse_subject() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: the store refuses this subject'; END $$",
            $"CREATE TRIGGER test_refuse_subject BEFORE INSERT OR UPDATE ON subject_summary FOR EACH ROW WHEN (NEW.id = '{subjectId}') EXECUTE FUNCTION test_refuse_subject()",
        ]
        : [
            $"CREATE TRIGGER test_refuse_update BEFORE UPDATE ON subject_summary WHEN NEW.id = '{subjectId}' BEGIN SELECT RAISE(ABORT, 'test: the store refuses this subject'); END",
            $"CREATE TRIGGER test_refuse_insert BEFORE INSERT ON subject_summary WHEN NEW.id = '{subjectId}' BEGIN SELECT RAISE(ABORT, 'test: the store refuses this subject'); END",
        ]);

    private Task Allow() => Exec(GridHost.OnPostgres
        ? ["DROP TRIGGER IF EXISTS test_refuse_subject ON subject_summary"]
        : ["DROP TRIGGER IF EXISTS test_refuse_update", "DROP TRIGGER IF EXISTS test_refuse_insert"]);

    private Task Exec(string[] statements) => grid.Service<Database>().Write(async (connection, tx) =>
    {
        foreach (var sql in statements)
        {
            await using var command = Database.Command(connection, sql, tx);
            await command.ExecuteNonQueryAsync();
        }
    });
}
