using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;
using CreditGrid.Core.Street;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// `dotnet run --project silo -- seed-demo`: a real street to look at — 48 merchants on 水晶街 (and 8 on 西五路) in all
/// four colours, with awards, fines, inspections, complaints and reviews, plus persons and officials for the grade
/// panels. Idempotent (issue 13): events and inspections reuse their ids, registrations update, and reviews and
/// complaints are added only to a merchant that has none yet.
/// </summary>
public static class DemoData
{
    private static readonly string[] Trades = ["川味面馆", "烧烤店", "水果店", "便利超市", "茶饮店", "理发店", "干洗店", "五金店", "药房", "面包房", "鲜花店", "眼镜店"];

    public static async Task Seed(IServiceProvider services, ILogger logger)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var intake = services.GetRequiredService<IEventIntake>();
        var today = services.GetRequiredService<GridClock>().Today;
        var events = new List<CreditEvent>();

        for (var i = 0; i < 56; i++)
        {
            var street = i < 48 ? "水晶街" : "西五路";
            var id = UnifiedSocialCreditCode.Complete($"92370303{i + 70000000:D8}");
            var name = $"{street}{i + 1}号{Trades[i % Trades.Length]}";
            await grains.Merchant(id).Register(new SubjectRegistration { Name = name, Street = street, RegisteredAt = today.AddYears(-2), EnterpriseType = "individual-business" });
            var merchant = grains.Merchant(id);
            // Reviews and complaints have no id of their own: a merchant that has some already got them from an earlier run.
            var seen = await merchant.Public();
            var reviewed = seen is { ReviewCount: > 0 };
            var complained = seen is { Complaints.Count: > 0 };
            switch (i % 8)
            {
                case 0 or 1 or 2 or 3: // red: a district award lifts the grade to A+
                    events.Add(Event($"demo-award-{i}", id, "E-AWARD-DISTRICT", today.AddDays(-30 - i)));
                    if (reviewed) break;
                    await merchant.AddReview(5, "服务热情，明码标价");
                    if (i % 3 == 0) await merchant.AddReview(4, "干净卫生");
                    break;
                case 4: // blue: nothing open
                    if (!reviewed) await merchant.AddReview(4, null);
                    break;
                case 5: // blue: a small fine (A-)
                    events.Add(Event($"demo-notice-{i}", id, "E-PEN-NOTICE", today.AddDays(-40)));
                    break;
                case 6: // yellow: an open finding within its deadline, or a substantiated complaint
                    if (i % 16 == 6)
                        await merchant.Inspect(new Inspection($"demo-insp-{i}", today.AddDays(-3), "区市场监管局",
                            [new FindingReport($"demo-f-{i}", "消防安全", "灭火器过期", today.AddDays(7))]));
                    else if (!complained)
                    {
                        var complaint = await merchant.Complain(new ComplaintSubmission("短斤少两", null, null, int.MaxValue));
                        await merchant.Verdict(complaint.CreatedId!, true, new StreetActor("区市场监管局", CreditCentre: false));
                    }
                    break;
                case 7: // black: expelled, or a finding past its deadline
                    if (i % 16 == 7) await merchant.SetExpelled(true, "多次整改不到位", "区社会信用中心");
                    else
                        await merchant.Inspect(new Inspection($"demo-insp-{i}", today.AddDays(-20), "区市场监管局",
                            [new FindingReport($"demo-f-{i}", "食品安全", "无健康证上岗", today.AddDays(-5))]));
                    break;
            }
        }

        for (var i = 0; i < 12; i++)
        {
            var person = ResidentId.Complete($"37030319800101{i + 500:D3}");
            await grains.Records(SubjectKind.Person, person).Register(new SubjectRegistration { Name = $"居民{i + 1}", RegisteredAt = today.AddYears(-3) });
            events.Add(i % 3 == 0
                ? Event($"demo-p-fine-{i}", person, "P-PEN-FINE-1000-5000", today.AddDays(-10), SubjectKind.Person)
                : Event($"demo-p-vol-{i}", person, "P-VOLUNTEER", today.AddDays(-60), SubjectKind.Person) with { Amount = 20 + 30 * i });
            var official = ResidentId.Complete($"37030319750101{i + 600:D3}");
            await grains.Records(SubjectKind.Official, official).Register(new SubjectRegistration { Name = $"干部{i + 1}", Unit = "区社会信用中心" });
            events.Add(Event($"demo-o-{i}", official, i % 2 == 0 ? "O-AWARD-HONOUR-PROVINCE" : "O-CONDUCT-LATE-EARLY", today.AddDays(-15), SubjectKind.Official));
        }
        // Two late penalty reports so the 双公示 panel has something to show (L483).
        events.Add(Event("demo-late-1", UnifiedSocialCreditCode.Complete("9237030379999999"), "E-PEN-FINE-UP-TO-10K", today.AddDays(-20)) with { Department = "区综合行政执法局" });

        await intake.Accept([.. events.Select(e => new IntakeItem(e, "demo:" + e.EventId))]);
        logger.LogInformation("Demo data: 56 merchants on 水晶街 and 西五路, 12 persons, 12 officials, {Events} events", events.Count);
    }

    private static CreditEvent Event(string eventId, string id, string indicator, DateOnly occurredAt, SubjectKind kind = SubjectKind.Enterprise) => new()
    {
        EventId = eventId,
        SubjectKind = kind,
        SubjectId = id,
        Indicator = indicator,
        Department = "区市场监管局",
        OccurredAt = occurredAt,
        ActionRef = eventId,
        ReportedAt = occurredAt.AddDays(eventId.StartsWith("demo-late") ? 12 : 2),
    };
}
