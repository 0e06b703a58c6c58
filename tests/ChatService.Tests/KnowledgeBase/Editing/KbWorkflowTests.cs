using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatService.KnowledgeBase.Search;

namespace ChatService.Tests.KnowledgeBase.Editing;

public sealed class KbWorkflowTests(KbHostFixture fixture) : IClassFixture<KbHostFixture>
{
    private KbTestHost Host => fixture.Host;

    [Fact]
    public async Task Update_StaleETag_Returns409WithTheCurrentVersionAndLosesNothing()
    {
        var alice = Host.Client("alice");
        var bob = Host.Client("bob");
        var etag = await KbBodies.CreateAsync(alice, KbBodies.PetBoarding("value-pet-409"));

        var first = await PutAsync(alice, "value-pet-409", etag, answerEn: "Alice's answer.");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await PutAsync(bob, "value-pet-409", etag, answerEn: "Bob's answer.");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("changed by someone else", body.GetProperty("error").GetString());
        Assert.Equal("Alice's answer.", body.GetProperty("current").GetProperty("entry").GetProperty("content").GetProperty("en").GetProperty("answer").GetString());
        Assert.Equal(first.Headers.ETag!.Tag, second.Headers.ETag!.Tag);
        // Bob retries with the current ETag: his change lands on top of Alice's, which stays in the history.
        var retry = await PutAsync(bob, "value-pet-409", second.Headers.ETag!.Tag, answerEn: "Bob's answer.");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var history = await alice.GetFromJsonAsync<JsonElement>("/api/kb/entries/value-pet-409/history");
        var answers = history.EnumerateArray().SelectMany(v => v.GetProperty("diff").EnumerateArray())
            .Where(d => d.GetProperty("field").GetString() == "en.answer").Select(d => d.GetProperty("after").GetString()).ToList();
        Assert.Contains("Alice's answer.", answers);
        Assert.Contains("Bob's answer.", answers);
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Returns428()
    {
        var alice = Host.Client("alice");
        await KbBodies.CreateAsync(alice, KbBodies.PetBoarding("value-pet-428"));
        var response = await alice.PutAsJsonAsync("/api/kb/entries/value-pet-428", KbBodies.PetBoarding("value-pet-428"));
        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
    }

    [Fact]
    public async Task Approve_ByTheLastAuthor_Returns403WithTheFourEyesReason()
    {
        var alice = Host.Client("alice");
        await KbBodies.CreateAsync(alice, KbBodies.PetBoarding("value-pet-4eyes"));
        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(alice, "value-pet-4eyes", "submit")).StatusCode);

        var own = await KbBodies.StepAsync(alice, "value-pet-4eyes", "approve");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("Four-eyes", await own.Content.ReadAsStringAsync());
        var other = await KbBodies.StepAsync(Host.Client("bob"), "value-pet-4eyes", "approve");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Publish_NewEntry_SearcherAnswersItWithoutRestart()
    {
        Assert.NotEqual("value-piano-tuning", Host.Searcher.Ask("how do I apply for piano tuning").Best?.Entry.Id);

        await CreateAndPublishAsync("value-piano-tuning", KbBodies.Topic("value-piano-tuning", "钢琴调音", "piano tuning"));

        var decision = Host.Searcher.Ask("how do I apply for piano tuning");
        Assert.Equal(FaqDecisionKind.Answer, decision.Kind);
        Assert.Equal("value-piano-tuning", decision.Best!.Entry.Id);
        Assert.Equal("value-piano-tuning", Host.Searcher.Ask("鋼琴調音怎麼辦理").Best!.Entry.Id);
    }

    [Fact]
    public async Task Publish_NotApproved_Returns409()
    {
        var alice = Host.Client("alice");
        await KbBodies.CreateAsync(alice, KbBodies.PetBoarding("value-pet-unapproved"));
        var response = await KbBodies.StepAsync(alice, "value-pet-unapproved", "publish");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("must be approved", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publish_FollowUpToRetiredOrMissingEntry_Returns400WithReasons()
    {
        await CreateAndPublishAsync("value-kite-old", KbBodies.Topic("value-kite-old", "风筝维修", "kite repair"));
        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(Host.Client("alice"), "value-kite-old", "retire")).StatusCode);
        var alice = Host.Client("alice");
        await KbBodies.CreateAsync(alice, KbBodies.Topic("value-kite-links", "风筝租赁", "kite rental", ["value-kite-old", "no-such-entry"]));
        await KbBodies.StepAsync(alice, "value-kite-links", "submit");
        await KbBodies.StepAsync(Host.Client("bob"), "value-kite-links", "approve");

        var response = await KbBodies.StepAsync(Host.Client("bob"), "value-kite-links", "publish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("value-kite-links: follow-up 'value-kite-old' is retired", problems);
        Assert.Contains("value-kite-links: follow-up 'no-such-entry' does not exist", problems);
        Assert.Null(Host.Searcher.Current.Entries.FirstOrDefault(e => e.Id == "value-kite-links"));
    }

    [Fact]
    public async Task Retire_EntryOfferedAsFollowUp_Returns400()
    {
        var response = await KbBodies.StepAsync(Host.Client("alice"), "claims-documents-general", "retire");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("remove the follow-up", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rollback_ToThePreviousPublishedVersion_RestoresTheLiveAnswerAndIsAudited()
    {
        var published = await CreateAndPublishAsync("value-pet-rollback", KbBodies.PetBoarding("value-pet-rollback"));
        var alice = Host.Client("alice");
        var edited = await PutAsync(alice, "value-pet-rollback", published, answerEn: "A wrong answer.");
        await KbBodies.StepAsync(alice, "value-pet-rollback", "submit");
        await KbBodies.StepAsync(Host.Client("bob"), "value-pet-rollback", "approve");
        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(Host.Client("bob"), "value-pet-rollback", "publish")).StatusCode);
        Assert.Equal("A wrong answer.", LiveAnswer("value-pet-rollback"));
        var goodVersion = int.Parse(published.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

        var response = await alice.PostAsJsonAsync("/api/kb/entries/value-pet-rollback/rollback", new { version = goodVersion });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Members can book pet boarding in the app.", LiveAnswer("value-pet-rollback"));
        var audit = await alice.GetFromJsonAsync<JsonElement>("/api/kb/audit?entryId=value-pet-rollback");
        var actions = audit.EnumerateArray().Select(a => (a.GetProperty("action").GetString(), a.GetProperty("by").GetString())).ToList();
        Assert.Equal(($"rollback to v{goodVersion}", "alice"), actions[0]);
        Assert.Contains(("approve", "bob"), actions);
        Assert.Contains(("create", "alice"), actions);
        Assert.Contains(audit.EnumerateArray().First().GetProperty("diff").EnumerateArray(), d => d.GetProperty("field").GetString() == "en.answer");
        var publishes = (await alice.GetFromJsonAsync<JsonElement>("/api/kb/publishes")).EnumerateArray().ToList();
        Assert.Equal("alice", publishes[0].GetProperty("by").GetString());
        Assert.Equal(publishes[1].GetProperty("number").GetInt64() + 1, publishes[0].GetProperty("number").GetInt64());
        Assert.Equal("bob", publishes[1].GetProperty("by").GetString());
        Assert.NotNull(edited.Headers.ETag);
    }

    [Fact]
    public async Task TestQuestion_AgainstDraftsAndPublished_RanksTheDraftOnlyInTheDraftIndex()
    {
        var alice = Host.Client("alice");
        await KbBodies.CreateAsync(alice, KbBodies.Entry("value-drone-repair", "无人机维修怎么申请？", "How do I get my drone repaired?",
            ["无人机坏了", "无人机维修", "航拍机维修", "无人机修理申请", "无人机售后"],
            ["drone repair", "my drone is broken", "fix my drone", "drone repair claim", "drone after-sales"]));

        var drafts = await alice.PostAsJsonAsync("/api/kb/test", new { question = "my drone is broken", against = "drafts" });
        var published = await alice.PostAsJsonAsync("/api/kb/test", new { question = "my drone is broken", against = "published" });

        var draftResult = await drafts.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("value-drone-repair", draftResult.GetProperty("ranked")[0].GetProperty("id").GetString());
        Assert.Equal("Answer", draftResult.GetProperty("decision").GetString());
        Assert.True(draftResult.GetProperty("ranked")[0].GetProperty("similarity").GetDouble() > 0.5);
        var publishedResult = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(publishedResult.GetProperty("ranked").EnumerateArray(), c => c.GetProperty("id").GetString() == "value-drone-repair");
    }

    [Fact]
    public async Task Conflicts_SamePhrasingInTwoEntries_AreReported()
    {
        var alice = Host.Client("alice");
        var existing = await alice.GetFromJsonAsync<JsonElement>("/api/kb/entries/claims-how-to-report");
        var taken = existing.GetProperty("entry").GetProperty("content").GetProperty("en").GetProperty("alternates")[0].GetString()!;
        await KbBodies.CreateAsync(alice, KbBodies.Entry("value-copycat", "复制的问题？", "A copied question?",
            ["一", "二", "三", "四", "五"], [taken.ToUpperInvariant(), "b", "c", "d", "e"]));

        var conflicts = await alice.GetFromJsonAsync<JsonElement>("/api/kb/conflicts");

        Assert.Contains(conflicts.EnumerateArray(), c => c.GetProperty("kind").GetString() == "duplicate-phrasing"
            && c.GetProperty("entryIds").EnumerateArray().Select(i => i.GetString()).SequenceEqual(["claims-how-to-report", "value-copycat"]));
    }

    [Fact]
    public async Task Conflicts_TwoEntriesAnsweringOneEvaluationQuestion_AreReported()
    {
        var alice = Host.Client("alice");
        Assert.DoesNotContain((await alice.GetFromJsonAsync<JsonElement>("/api/kb/conflicts")).EnumerateArray(),
            c => c.GetProperty("entryIds").EnumerateArray().Any(i => i.GetString() == "application-how-to-copy"));
        var source = (await alice.GetFromJsonAsync<JsonElement>("/api/kb/entries/application-how-to")).GetProperty("entry").GetProperty("content");
        string[] Phrases(string language) => source.GetProperty(language).GetProperty("alternates").EnumerateArray().Select(a => a.GetString()!).ToArray();
        await KbBodies.CreateAsync(alice, KbBodies.Entry("application-how-to-copy",
            source.GetProperty("zh-Hans").GetProperty("question").GetString()!, source.GetProperty("en").GetProperty("question").GetString()!,
            Phrases("zh-Hans"), Phrases("en"), category: "application"));

        var conflicts = (await alice.GetFromJsonAsync<JsonElement>("/api/kb/conflicts")).EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "same-eval-question").ToList();

        Assert.Contains(conflicts, c => c.GetProperty("entryIds").EnumerateArray().Select(i => i.GetString()).SequenceEqual(["application-how-to", "application-how-to-copy"]));
    }

    [Fact]
    public async Task Create_InvalidBody_Returns400WithReasons()
    {
        var alice = Host.Client("alice");
        var malformed = await alice.PostAsync("/api/kb/entries", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("not valid JSON", await malformed.Content.ReadAsStringAsync());
        var incomplete = await alice.PostAsJsonAsync("/api/kb/entries", new { id = "Bad Id", category = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var text = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("category must be one of", text);
        Assert.Contains("en answer is required", text);
        Assert.DoesNotContain("   at ", text);
    }

    private string? LiveAnswer(string id) => Host.Searcher.Current.Entries.FirstOrDefault(e => e.Id == id)?.Content["en"].Answer;

    /// <summary>alice writes and submits, bob approves and publishes; returns the published ETag.</summary>
    private async Task<string> CreateAndPublishAsync(string id, object body)
    {
        var alice = Host.Client("alice");
        var bob = Host.Client("bob");
        await KbBodies.CreateAsync(alice, body);
        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(alice, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(bob, id, "approve")).StatusCode);
        var published = await KbBodies.StepAsync(bob, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return published.Headers.ETag!.Tag;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string id, string etag, string answerEn)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/kb/entries/{id}")
        {
            Content = JsonContent.Create(KbBodies.Entry(id, "宠物寄养服务怎么预约？", "How do I book pet boarding?",
                ["预约宠物寄养", "宠物寄养怎么订", "猫狗寄养服务", "出差时宠物寄养", "宠物寄养预约方式"],
                ["book pet boarding", "pet boarding service", "where can my dog stay while I travel", "cat boarding booking", "reserve pet boarding"],
                "会员可在 App 预约宠物寄养。", answerEn)),
        };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }
}
