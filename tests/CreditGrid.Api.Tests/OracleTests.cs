using System.Net;
using System.Text.Json;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Information oracles (issue 11 item 11; http-api Conventions "no existence oracle"): an answer must not tell a caller
/// what it may not know: whether a person is registered, whether another department's event exists, which check
/// character would complete a guessed identifier.
/// </summary>
public class OracleTests(GridHost grid) : IClassFixture<GridHost>
{
    private static object PersonEvent(string eventId, string personId) =>
        new { eventId, subjectKind = "person", subjectId = personId, indicator = "P-TAX-REFUSE", occurredAt = "2026-10-02" };

    [Fact]
    public async Task Reposting_a_known_eventId_with_a_person_body_answers_the_same_whether_the_person_is_registered_or_not()
    {
        var known = GridHost.NewEventId();
        await grid.PushApplied(Calls.Fine(GridHost.NewEnterpriseId(), known), GridHost.TaxReporter);

        var registered = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", registered, new { name = "张三" })).StatusCode);
        var unregistered = GridHost.NewPersonId();

        var onRegistered = await grid.Push(PersonEvent(known, registered));
        var onUnregistered = await grid.Push(PersonEvent(known, unregistered));
        Assert.Equal(HttpStatusCode.Conflict, onRegistered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, onUnregistered.StatusCode);
        Assert.Equal((await onRegistered.Body()).GetProperty("detail").GetString(), (await onUnregistered.Body()).GetProperty("detail").GetString());

        // In a batch too.
        var batch = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch",
            Calls.Json(new { events = new[] { PersonEvent(known, registered), PersonEvent(known, unregistered) } }));
        var results = (await batch.Body()).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("statusCode").GetInt32()).ToList();
        Assert.Equal([409, 409], results);

        // A new eventId on an unregistered person is still refused (422), and stores nothing.
        var fresh = GridHost.NewEventId();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await grid.Push(PersonEvent(fresh, unregistered))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{fresh}")).StatusCode);
    }

    [Fact]
    public async Task Another_departments_event_is_404_exactly_like_an_unknown_one()
    {
        var eventId = GridHost.NewEventId();
        await grid.PushApplied(Calls.Fine(GridHost.NewEnterpriseId(), eventId));
        var tax = grid.Client(GridHost.TaxReporter);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/events/{eventId}")).StatusCode);

        var unknownId = GridHost.NewEventId();
        var other = await tax.GetAsync($"/api/v1/events/{eventId}");
        var unknown = await tax.GetAsync($"/api/v1/events/{unknownId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var a = await other.Body();
        var b = await unknown.Body();
        Assert.Equal(b.GetProperty("title").GetString(), a.GetProperty("title").GetString());
        Assert.Equal(b.GetProperty("detail").GetString()!.Replace(unknownId, eventId), a.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_wrong_check_character_is_called_wrong_without_naming_the_right_one()
    {
        // Two numbers whose right check characters differ get the very same message for the same wrong one.
        var person1 = ResidentId.Complete("37030319900101001");
        var person2 = ResidentId.Complete("37030319900101002");
        Assert.NotEqual(person1[17], person2[17]);
        var wrong = "0123456789X".First(c => c != person1[17] && c != person2[17]);
        var m1 = await Message(await grid.Register("person", person1[..17] + wrong, new { name = "x" }), "id");
        var m2 = await Message(await grid.Register("person", person2[..17] + wrong, new { name = "x" }), "id");
        Assert.Equal(m1, m2);
        Assert.Contains("校验位", m1);
        Assert.DoesNotContain($"'{person1[17]}'", m1);

        var code1 = UnifiedSocialCreditCode.Complete("9137030310000001");
        var code2 = UnifiedSocialCreditCode.Complete("9137030310000002");
        Assert.NotEqual(code1[17], code2[17]);
        var wrongCode = "0123456789ABCDEFGHJKLMNPQRTUWXY".First(c => c != code1[17] && c != code2[17]);
        var c1 = await Message(await grid.Register("enterprise", code1[..17] + wrongCode, new { name = "x" }), "id");
        var c2 = await Message(await grid.Register("enterprise", code2[..17] + wrongCode, new { name = "x" }), "id");
        Assert.Equal(c1, c2);
        Assert.Contains("校验位", c1);
        Assert.DoesNotContain($"'{code1[17]}'", c1);
    }

    private static async Task<string> Message(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Body();
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }
}
