using System.Collections.Concurrent;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Emergency;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Rules;
using CreditGrid.Silo.Grains;
using CreditGrid.Silo.Scheduling;
using Orleans.Streams;

namespace CreditGrid.Grid.Tests;

/// <summary>Grain behaviour on a two-silo cluster: apply, dedupe, fan-out, revoke cascade, due-time re-evaluation.</summary>
[Collection(GridCollection.Name)]
public class GrainTests(GridCluster grid)
{
    private static int _next;
    private static readonly DateOnly Today = new(2026, 11, 28);

    private IGrainFactory Grains => grid.Cluster.Client;

    private static string Enterprise() => UnifiedSocialCreditCode.Complete($"91370303{Interlocked.Increment(ref _next) + 20000000:D8}");
    private static string Person() => ResidentId.Complete($"37030319850101{Interlocked.Increment(ref _next) % 1000:D3}");

    private static CreditEvent Event(SubjectKind kind, string id, string indicator, DateOnly occurredAt, string? actionRef = null) => new()
    {
        EventId = "g-" + Guid.NewGuid().ToString("N"),
        SubjectKind = kind,
        SubjectId = id,
        Indicator = indicator,
        Department = "区市场监管局",
        OccurredAt = occurredAt,
        ActionRef = actionRef,
        ReportedAt = Today,
    };

    [Fact]
    public async Task Applying_the_same_event_twice_records_it_once()
    {
        var id = Enterprise();
        var e = Event(SubjectKind.Enterprise, id, "E-PEN-FINE-10K-100K", new DateOnly(2026, 10, 2));
        var grain = Grains.Records(SubjectKind.Enterprise, id);
        var first = await grain.Apply([e, e]);
        var second = await grain.Apply([e]);
        Assert.All(first.Concat(second), o => Assert.Equal(EventState.Applied, o.State));
        var view = await grain.View(null);
        Assert.Single(view!.Evaluation.Records);
        Assert.Equal(960, view.Evaluation.Score);
    }

    [Fact]
    public async Task A_person_and_an_official_with_the_same_ID_keep_separate_records_L1450_L2414()
    {
        var id = Person();
        await Grains.Records(SubjectKind.Person, id).Register(new SubjectRegistration { Name = "张三", RegisteredAt = Today });
        await Grains.Records(SubjectKind.Official, id).Register(new SubjectRegistration { Name = "张三", Unit = "区发展和改革局" });
        await Grains.Records(SubjectKind.Official, id).Apply([Event(SubjectKind.Official, id, "O-DISCIPLINE-WARNING", new DateOnly(2026, 10, 2))]);
        Assert.Equal(990, (await Grains.Records(SubjectKind.Official, id).View(null))!.Evaluation.Score);
        var person = (await Grains.Records(SubjectKind.Person, id).View(null))!;
        Assert.Equal(1000, person.Evaluation.Score);
        Assert.Empty(person.Evaluation.Records);
    }

    [Fact]
    public async Task An_unregistered_person_refuses_events_and_remembers_why()
    {
        var person = Person();
        var e = Event(SubjectKind.Person, person, "P-TAX-REFUSE", new DateOnly(2026, 10, 2));
        var outcome = Assert.Single(await Grains.Records(SubjectKind.Person, person).Apply([e]));
        Assert.Equal(EventState.Rejected, outcome.State);
        Assert.Contains("尚未登记", outcome.Reason);
    }

    [Fact]
    public async Task A_commendation_fans_out_to_every_legal_representative_across_silos_and_a_revocation_follows()
    {
        var reps = new[] { Person(), Person(), Person() };
        var id = Enterprise();
        await Grains.Records(SubjectKind.Enterprise, id).Register(new SubjectRegistration { Name = "某公司", LegalRepresentatives = reps });
        var e = Event(SubjectKind.Enterprise, id, "E-PRAISE-NATIONAL", new DateOnly(2026, 6, 1));
        var outcome = Assert.Single(await Grains.Records(SubjectKind.Enterprise, id).Apply([e]));

        foreach (var rep in reps)
        {
            var view = await Eventually(() => Grains.Records(SubjectKind.Person, rep).View(null), v => v is { Evaluation.Records.Count: 1 });
            var derived = view!.Evaluation.Records[0];
            Assert.Equal("P-PRAISE-CENTRAL", derived.Indicator);
            Assert.Equal(outcome.RecordIds[0], derived.DerivedFrom);
            Assert.Equal(1080, view.Evaluation.Score);
        }

        await Grains.Records(SubjectKind.Enterprise, id).Revoke(outcome.RecordIds[0], Today, "撤销", null);
        foreach (var rep in reps)
            await Eventually(() => Grains.Records(SubjectKind.Person, rep).View(null), v => v!.Evaluation.Score == 1000);
    }

    [Fact]
    public async Task Only_honours_and_severe_records_reach_the_legal_representative_L2439()
    {
        var rep = Person();
        var id = Enterprise();
        await Grains.Records(SubjectKind.Enterprise, id).Register(new SubjectRegistration { Name = "某公司", LegalRepresentatives = [rep] });
        var donation = Event(SubjectKind.Enterprise, id, "E-DONATION-COMPANY", new DateOnly(2026, 6, 1), "捐赠-1") with { Amount = 14000, AmountKind = AmountKind.Cash };
        var list = Event(SubjectKind.Enterprise, id, "E-INCENT-JOINT-LIST", new DateOnly(2026, 6, 2), "名单-1");
        var award = Event(SubjectKind.Enterprise, id, "E-AWARD-DISTRICT", new DateOnly(2026, 6, 3), "表彰-1");
        var outcomes = await Grains.Records(SubjectKind.Enterprise, id).Apply([donation, list, award]);

        // The donation and the incentive list are applied with nothing to deliver; the award waits for its delivery.
        Assert.Equal([EventState.Applied, EventState.Applied, EventState.Delivered], outcomes.Select(o => o.State));
        var view = await Eventually(() => Grains.Records(SubjectKind.Person, rep).View(null), v => v is { Evaluation.Records.Count: > 0 });
        var only = Assert.Single(view!.Evaluation.Records);
        Assert.Equal("P-AWARD-DISTRICT-GOV", only.Indicator);
    }

    [Fact]
    public async Task Revoking_a_repaired_refusal_listing_takes_the_minus_80_replacement_with_it_L817()
    {
        var id = Person();
        var person = Grains.Records(SubjectKind.Person, id);
        await person.Register(new SubjectRegistration { Name = "李四", RegisteredAt = Today });
        var listing = Assert.Single(await person.Apply([Event(SubjectKind.Person, id, "P-SEVERE-REFUSE-OBLIGATION", new DateOnly(2026, 3, 1))]));
        Assert.Equal("D", (await person.View(null))!.Evaluation.Grade);

        await person.Repair(listing.RecordIds[0], Today, "已履行");
        var repaired = (await person.View(null))!.Evaluation;
        Assert.Equal((920, "B"), (repaired.Score, repaired.Grade)); // L2912: −80 for 2 years from the repair

        await person.Revoke(listing.RecordIds[0], Today, "决定被撤销", null);
        var revoked = (await person.View(null))!.Evaluation;
        Assert.Equal((1000, "A"), (revoked.Score, revoked.Grade));
        Assert.All(revoked.Records, r => Assert.Equal(RecordStatus.Revoked, r.Status));
    }

    [Fact]
    public async Task A_fanned_out_refusal_listing_repaired_at_the_enterprise_becomes_the_minus_80_row_on_the_person()
    {
        var rep = Person();
        await Grains.Records(SubjectKind.Person, rep).Register(new SubjectRegistration { Name = "王五", RegisteredAt = Today });
        var id = Enterprise();
        var enterprise = Grains.Records(SubjectKind.Enterprise, id);
        await enterprise.Register(new SubjectRegistration { Name = "某公司", LegalRepresentatives = [rep] });
        var listing = Assert.Single(await enterprise.Apply([Event(SubjectKind.Enterprise, id, "E-SEVERE-DISHONEST-DEBTOR", new DateOnly(2026, 3, 1))]));
        await Eventually(() => Grains.Records(SubjectKind.Person, rep).View(null), v => v!.Evaluation.Grade == "D");

        // §5: the derived L3270 copy follows the same repair rule as a direct one: 1000 − 80 = 920, B.
        await enterprise.Repair(listing.RecordIds[0], Today, "已履行");
        var person = await Eventually(() => Grains.Records(SubjectKind.Person, rep).View(null), v => v!.Evaluation.Score != 400);
        Assert.Equal((920, "B"), (person!.Evaluation.Score, person.Evaluation.Grade));
        Assert.Contains(person.Evaluation.Records, r => r.Indicator == "P-REPAIRED-REFUSE-OBLIGATION" && r.Status == RecordStatus.Active);

        // Revoking the source reaches the copy and its replacement (L817).
        await enterprise.Revoke(listing.RecordIds[0], Today, "决定被撤销", null);
        await Eventually(() => Grains.Records(SubjectKind.Person, rep).View(null), v => v!.Evaluation.Score == 1000 && v.Evaluation.Grade == "A");
    }

    [Fact]
    public async Task A_record_expiring_moves_the_score_when_its_day_comes_and_the_change_is_published()
    {
        var id = Enterprise();
        var changes = new ConcurrentQueue<EvaluationChange>();
        var stream = grid.Cluster.Client.GetStreamProvider(GridStreams.Provider)
            .GetStream<EvaluationChanges>(StreamId.Create(GridStreams.Changes, "enterprise"));
        var handle = await stream.SubscribeAsync((batch, _) =>
        {
            foreach (var c in batch.Changes) if (c.Id == id) changes.Enqueue(c);
            return Task.CompletedTask;
        });
        try
        {
            // −10 notice of 2025-12-01: one year, so it expires on 2026-12-01 (L2467).
            await Grains.Records(SubjectKind.Enterprise, id).Apply([Event(SubjectKind.Enterprise, id, "E-PEN-NOTICE", new DateOnly(2025, 12, 1))]);
            await Eventually(() => Task.FromResult(changes.Count), n => n >= 1);
            Assert.Equal(990, changes.Last().Score);

            GridCluster.Clock.Advance(TimeSpan.FromDays(3)); // 2026-12-01 10:00 in Zhangdian
            var woken = await grid.Service<DueWorkSweeper>().Sweep(CancellationToken.None);
            Assert.True(woken >= 1);

            var last = await Eventually(() => Task.FromResult(changes.LastOrDefault()), c => c?.Score == 1000);
            Assert.Equal(990, last!.PreviousScore);
            Assert.Null(last.EventId);
            Assert.Equal(1000, (await Grains.Records(SubjectKind.Enterprise, id).View(null))!.Evaluation.Score);
        }
        finally
        {
            await handle.UnsubscribeAsync(); // the fake clock only moves forward; later tests do not depend on the day

        }
    }

    [Fact]
    public async Task A_finding_turns_its_merchant_black_when_the_deadline_passes_and_the_change_is_published()
    {
        var id = Enterprise();
        var today = GridCluster.Clock.GetUtcNow().AddHours(8);
        var day = DateOnly.FromDateTime(today.DateTime);
        var merchant = Grains.Merchant(id);
        await merchant.Register(new SubjectRegistration { Name = "到期测试店", Street = "水晶街" });
        var changes = new ConcurrentQueue<EvaluationChange>();
        var handle = await grid.Cluster.Client.GetStreamProvider(GridStreams.Provider)
            .GetStream<EvaluationChanges>(StreamId.Create(GridStreams.Changes, "merchant"))
            .SubscribeAsync((batch, _) => { foreach (var c in batch.Changes) if (c.Id == id) changes.Enqueue(c); return Task.CompletedTask; });
        try
        {
            await merchant.Inspect(new CreditGrid.Core.Street.Inspection("d-1", day, "区市场监管局",
                [new CreditGrid.Core.Street.FindingReport("d-f1", "环境卫生", "门前堆物", day)]));
            Assert.Equal("yellow", (await merchant.View(null))!.Color);

            GridCluster.Clock.Advance(TimeSpan.FromDays(1)); // the day after the deadline
            await grid.Service<DueWorkSweeper>().Sweep(CancellationToken.None);

            var black = await Eventually(() => Task.FromResult(changes.LastOrDefault()), c => c?.Color == "black");
            Assert.Equal("yellow", black!.PreviousColor);
            Assert.Equal("black", (await merchant.View(null))!.Color);
            var board = await Grains.GetGrain<CreditGrid.Core.Street.IStreetGrain>("水晶街").Board();
            Assert.Contains(board.Merchants, m => m.Id == id && m.Color == "black");
        }
        finally
        {
            await handle.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task A_release_deadline_turns_overdue_at_its_moment_and_not_before()
    {
        var now = GridCluster.Clock.GetUtcNow();
        var incident = Grains.Incident("g-" + Guid.NewGuid().ToString("N")[..8]);
        var created = await incident.Report(new CreditGrid.Core.Emergency.IncidentReport(
            "x", "某化工厂爆炸", "危险化学品事故", CreditGrid.Core.Emergency.Severity.ExtraordinarilyMajor, now, "张店区", "区应急管理局"));
        Assert.Equal(now.AddHours(5), created.View!.Deadlines[0].DueAt);

        GridCluster.Clock.Advance(TimeSpan.FromHours(5) - TimeSpan.FromSeconds(1));
        await grid.Service<DueWorkSweeper>().Sweep(CancellationToken.None);
        Assert.DoesNotContain((await incident.View())!.History, h => h.Change == "overdue");

        GridCluster.Clock.Advance(TimeSpan.FromSeconds(2));
        await grid.Service<DueWorkSweeper>().Sweep(CancellationToken.None);
        var view = (await incident.View())!;
        Assert.Single(view.History, h => h.Change == "overdue");
        Assert.True(view.Deadlines[0].Overdue);
        Assert.False(view.Deadlines[1].Overdue); // the press conference has until +24 h
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        T value = await read();
        for (var i = 0; i < 200 && !done(value); i++)
        {
            await Task.Delay(50);
            value = await read();
        }
        Assert.True(done(value), $"condition never met; last value {value}");
        return value;
    }
}
