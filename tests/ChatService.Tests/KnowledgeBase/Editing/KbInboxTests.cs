using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatService.KnowledgeBase.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.KnowledgeBase.Editing;

public sealed class KbInboxTests(KbHostFixture fixture) : IClassFixture<KbHostFixture>
{
    [Fact]
    public async Task Inbox_SimilarQuestionsGrouped_OneBecomesAPhrasingAndIsAnsweredAfterPublish()
    {
        var inbox = fixture.Host.Services.GetRequiredService<IUnansweredInbox>();
        // What the bot records from conversations.
        await inbox.RecordAsync("我家的猫能买保险吗", "zh-Hans", InboxKinds.NoAnswer, conversationId: "c1");
        await inbox.RecordAsync("我家的貓能買保險嗎？", "zh-Hant", InboxKinds.NoneOfThese, conversationId: "c2");
        await inbox.RecordAsync("我家的猫可以买保险吗", "zh-Hans", InboxKinds.ThumbsDown, entryId: "product-types", conversationId: "c3");
        await inbox.RecordAsync("can I pay with crypto", "en", InboxKinds.LowConfidence, conversationId: "c4");
        var alice = fixture.Host.Client("alice");

        var groups = (await alice.GetFromJsonAsync<JsonElement>("/api/kb/inbox")).EnumerateArray().ToList();

        var cats = groups[0];
        Assert.Equal(3, cats.GetProperty("count").GetInt32());
        Assert.Equal(1, cats.GetProperty("kinds").GetProperty("thumbs-down").GetInt32());
        Assert.Contains(groups, g => g.GetProperty("question").GetString() == "can I pay with crypto" && g.GetProperty("count").GetInt32() == 1);

        var added = await alice.PostAsJsonAsync("/api/kb/inbox/add-alternate", new
        {
            entryId = "product-property", question = "我家的貓能買保險嗎？", language = "zh-Hant",
            itemIds = cats.GetProperty("itemIds").EnumerateArray().Select(i => i.GetInt64()).ToArray(),
        });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var entry = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entry");
        Assert.Equal("draft", entry.GetProperty("status").GetString());
        Assert.Contains("我家的猫能买保险吗？", entry.GetProperty("content").GetProperty("zh-Hans").GetProperty("alternates").EnumerateArray().Select(a => a.GetString()));
        var after = (await alice.GetFromJsonAsync<JsonElement>("/api/kb/inbox")).EnumerateArray().ToList();
        Assert.Single(after);
        var audit = await alice.GetFromJsonAsync<JsonElement>("/api/kb/audit?entryId=product-property&action=add%20phrasing%20from%20inbox");
        Assert.Equal("alice", Assert.Single(audit.EnumerateArray()).GetProperty("by").GetString());

        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(alice, "product-property", "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(fixture.Host.Client("bob"), "product-property", "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await KbBodies.StepAsync(fixture.Host.Client("bob"), "product-property", "publish")).StatusCode);
        Assert.Equal("product-property", fixture.Host.Searcher.Ask("我家的貓能買保險嗎").Best?.Entry.Id);
    }

    [Fact]
    public async Task AddAlternate_UnknownEntry_Returns404()
    {
        var response = await fixture.Host.Client("alice").PostAsJsonAsync("/api/kb/inbox/add-alternate", new { entryId = "no-such-entry", question = "x", language = "en" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
