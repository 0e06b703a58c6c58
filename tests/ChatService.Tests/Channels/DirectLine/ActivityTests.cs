using System.Net;
using ChatService.Transcripts;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Channels.DirectLine;

[Collection(DirectLineCollection.Name)]
public sealed class ActivityTests(DirectLineServer server)
{
    private readonly DirectLineClient _client = server.Client();

    [Fact]
    public async Task PostActivity_EchoesTheUserActivityWithServerFieldsAndClientActivityId()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        var id = await _client.PostMessageAsync(conversationId, token, "我想报案", clientActivityId: "client-123");

        Assert.Equal($"{conversationId}|0000001", id);
        var (activities, watermark) = await _client.GetActivitiesAsync(conversationId, token, "0");
        var echo = activities[0]!;
        Assert.Equal(id, (string?)echo["id"]);
        Assert.Equal("client-123", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", DirectLineClient.Role(echo));
        Assert.Equal(TestTokens.UserOf(token), (string?)echo["from"]!["id"]); // the token's user, not the "someone-else" the body claimed
        Assert.Equal("directline", (string?)echo["channelId"]);
        Assert.Equal(conversationId, (string?)echo["conversation"]!["id"]);
        Assert.Equal(server.BaseUrl.ToString(), (string?)echo["serviceUrl"]);
        Assert.EndsWith("Z", (string)echo["timestamp"]!);
        var reply = activities[1]!;
        Assert.Equal("bot", DirectLineClient.Role(reply));
        Assert.Equal(id, (string?)reply["replyToId"]);
        Assert.Equal("2", watermark);
    }

    [Fact]
    public async Task PostActivity_IsInTheTranscriptBeforeTheIdIsReturned()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        var id = await _client.PostMessageAsync(conversationId, token, "transcript check");

        // The skeleton's store is in memory; a durable store replaces it, and then its own tests cover this.
        if (server.Services.GetRequiredService<ITranscriptStore>() is InMemoryTranscriptStore memory)
            Assert.Contains(memory.Entries, e => e.Activity.Id == id && e.Direction == TranscriptDirection.Inbound && e.Activity.Text == "transcript check");
    }

    [Fact]
    public async Task GetActivities_WithTheReturnedWatermark_ReturnsOnlyNewerActivities()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var (_, first) = await _client.GetActivitiesAsync(conversationId, token);

        var (none, unchanged) = await _client.GetActivitiesAsync(conversationId, token, first);
        await _client.PostMessageAsync(conversationId, token, "hello");
        var (newer, next) = await _client.GetActivitiesAsync(conversationId, token, first);

        Assert.Empty(none);
        Assert.Equal(first, unchanged);
        Assert.Equal(["user", "bot"], newer.Select(a => (string?)a!["from"]!["role"]));
        Assert.Equal("hello", DirectLineClient.Text(newer[0]!));
        Assert.Equal("2", next);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":", "BadArgument")]
    [InlineData("{\"text\":\"no type\"}", "BadArgument")]
    [InlineData("{\"type\":\"conversationUpdate\"}", "BadArgument")]
    [InlineData("[1,2,3]", "BadArgument")]
    [InlineData("null", "BadArgument")]
    public async Task PostActivity_InvalidBody_Is400AndNothingIsStored(string body, string code)
    {
        var (conversationId, token, _) = await _client.StartAsync();

        var (status, error) = await _client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, (string?)error!["error"]!["code"]);
        Assert.Single((await _client.GetActivitiesAsync(conversationId, token)).Activities); // only the greeting
    }

    [Fact]
    public async Task PostActivity_OneMegabyteBody_Is413MessageSizeTooBig()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var huge = $$"""{"type":"message","text":"{{new string('x', 1024 * 1024)}}"}""";

        var (status, error) = await _client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("MessageSizeTooBig", (string?)error!["error"]!["code"]);
    }

    [Fact]
    public async Task PostActivity_UnknownConversationWithSecret_Is404NotFound()
    {
        var (status, error) = await _client.SendAsync(HttpMethod.Post, "/conversations/NoSuchConversation/activities", DirectLineServer.Secret,
            """{"type":"message","text":"hi","from":{"id":"u"}}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("NotFound", (string?)error!["error"]!["code"]);
    }

    [Fact]
    public async Task PostActivity_ScriptLinkInAttachment_IsDropped()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var body = """{"type":"message","text":"look","attachments":[{"contentType":"text/html","contentUrl":"javascript:alert(1)","name":"x"}]}""";

        var (status, posted) = await _client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, body);
        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token, "0");

        Assert.Equal(HttpStatusCode.OK, status);
        var echo = activities.Single(a => (string?)a!["id"] == (string?)posted!["id"])!;
        Assert.Null(echo["attachments"]![0]!["contentUrl"]);
    }

    [Fact]
    public async Task GetActivities_InvalidWatermark_Is400()
    {
        var (conversationId, token, _) = await _client.StartAsync();

        var (status, _) = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=-", token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }
}
