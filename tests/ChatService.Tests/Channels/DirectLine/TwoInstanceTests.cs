using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChatService.Tests.Support;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>
/// Two real service instances on one real redis-server, as behind a load balancer: a conversation started on one
/// is served and pushed by the other, and a file uploaded through one is served by the other.
/// </summary>
public sealed class TwoInstanceTests
{
    private sealed class Instance(RedisServer redis) : DirectLineServer(null, redis.PatientConnectionString);

    [Fact]
    public async Task Conversation_StartedOnOneInstance_IsServedAndPushedByTheOther()
    {
        await using var redis = await RedisServer.StartAsync();
        using var a = new Instance(redis);
        using var b = new Instance(redis);
        var (conversationId, token, streamUrlOnA) = await a.Client().StartAsync();
        using var socketOnA = await DirectLineClient.OpenStreamAsync(streamUrlOnA);
        await DirectLineClient.ReceiveUntilAsync(socketOnA, x => x.Count >= 1);

        var id = await b.Client().PostMessageAsync(conversationId, token, "posted to B");
        var (pushedByA, _) = await DirectLineClient.ReceiveUntilAsync(socketOnA, x => x.Count >= 2);
        var (_, reconnect) = await b.Client().SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=0", token);
        using var socketOnB = await DirectLineClient.OpenStreamAsync((string)reconnect!["streamUrl"]!);
        var (replayedByB, _) = await DirectLineClient.ReceiveUntilAsync(socketOnB, x => x.Count >= 2);

        Assert.Equal(id, (string?)pushedByA[0]["id"]);
        Assert.Equal("bot", DirectLineClient.Role(pushedByA[1]));
        Assert.Equal(pushedByA.Select(x => (string?)x["id"]), replayedByB.Select(x => (string?)x["id"]));
        Assert.Contains(b.BaseUrl.Authority, (string)reconnect["streamUrl"]!);
    }

    [Fact]
    public async Task Upload_ThroughOneInstance_IsServedByTheOtherToThatConversationOnly()
    {
        await using var redis = await RedisServer.StartAsync();
        using var a = new Instance(redis);
        using var b = new Instance(redis);
        var (conversationId, token, _) = await a.Client().StartAsync();
        var other = await a.Client().StartAsync();
        byte[] pdf = [.. "%PDF-1.4 two instances"u8];

        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(pdf);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "file", "claim.pdf");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=ignored") { Content = form };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var uploaded = await a.Http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var (activities, _) = await b.Client().GetActivitiesAsync(conversationId, token, "0");
        var contentUrl = (string)activities.SelectMany(x => x!["attachments"] as JsonArray ?? []).Single()!["contentUrl"]!;
        var onB = new Uri(b.BaseUrl, new Uri(contentUrl).PathAndQuery);
        var bare = onB.GetLeftPart(UriPartial.Path);

        Assert.Equal(pdf, await b.Http.GetByteArrayAsync(onB));
        using var withOtherToken = new HttpRequestMessage(HttpMethod.Get, bare) { Headers = { Authorization = new("Bearer", other.Token) } };
        Assert.Equal(HttpStatusCode.Forbidden, (await b.Http.SendAsync(withOtherToken)).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(a.DataDirectory, "directline", "uploads"))); // in the shared store, not on A's disk
    }
}
