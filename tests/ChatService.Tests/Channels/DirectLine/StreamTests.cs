using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ChatService.Tests.Channels.DirectLine;

[Collection(DirectLineCollection.Name)]
public sealed class StreamTests(DirectLineServer server)
{
    private readonly DirectLineClient _client = server.Client();

    [Fact]
    public async Task Stream_ReplaysTheGreetingThenPushesTheEchoAndTheReply()
    {
        var (conversationId, token, streamUrl) = await _client.StartAsync();
        using var socket = await DirectLineClient.OpenStreamAsync(streamUrl);
        var (greeting, _) = await DirectLineClient.ReceiveUntilAsync(socket, a => a.Count >= 1);

        var id = await _client.PostMessageAsync(conversationId, token, "理赔进度", clientActivityId: "ws-1");
        var (pushed, watermark) = await DirectLineClient.ReceiveUntilAsync(socket, a => a.Any(x => DirectLineClient.Role(x) == "bot"));

        Assert.Equal("bot", DirectLineClient.Role(greeting[0]));
        Assert.Equal(id, (string?)pushed[0]["id"]);
        Assert.Equal("ws-1", (string?)pushed[0]["channelData"]!["clientActivityID"]);
        Assert.Equal("2", watermark);
    }

    [Fact]
    public async Task Stream_ReconnectWithWatermark_DeliversEveryLaterActivityOnceWithoutGaps()
    {
        var (conversationId, token, streamUrl) = await _client.StartAsync();
        string? watermark;
        using (var first = await DirectLineClient.OpenStreamAsync(streamUrl))
        {
            await _client.PostMessageAsync(conversationId, token, "one");
            (_, watermark) = await DirectLineClient.ReceiveUntilAsync(first, a => a.Count >= 3);
            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        // While disconnected the conversation goes on.
        await _client.PostMessageAsync(conversationId, token, "two");
        await _client.PostMessageAsync(conversationId, token, "three");

        var (_, reconnect) = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark={watermark}", token);
        using var second = await DirectLineClient.OpenStreamAsync((string)reconnect!["streamUrl"]!);
        await _client.PostMessageAsync(conversationId, token, "four");
        var (received, last) = await DirectLineClient.ReceiveUntilAsync(second, a => a.Count(x => DirectLineClient.Role(x) == "bot") >= 3);

        var ids = received.Select(a => (string)a["id"]!).ToList();
        Assert.Equal(Enumerable.Range(3, 6).Select(i => $"{conversationId}|{i:D7}"), ids); // 3..8: no duplicate of 0..2, no gap
        Assert.Equal(["two", "three", "four"], received.Where(a => DirectLineClient.Role(a) == "user").Select(DirectLineClient.Text));
        Assert.Equal("8", last);
    }

    [Fact]
    public async Task Stream_Idle_SendsEmptyKeepAliveFrames()
    {
        var (_, _, streamUrl) = await _client.StartAsync();
        using var socket = await DirectLineClient.OpenStreamAsync(streamUrl);
        await DirectLineClient.ReceiveUntilAsync(socket, a => a.Count >= 1);

        var buffer = new byte[64];
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var frame = await socket.ReceiveAsync(buffer, wait.Token);

        Assert.Equal(WebSocketMessageType.Text, frame.MessageType);
        Assert.Equal(0, frame.Count);
        Assert.True(frame.EndOfMessage);
    }

    [Fact]
    public async Task Stream_ClientEmptyPings_AreIgnored()
    {
        var (conversationId, token, streamUrl) = await _client.StartAsync();
        using var socket = await DirectLineClient.OpenStreamAsync(streamUrl);
        await DirectLineClient.ReceiveUntilAsync(socket, a => a.Count >= 1);

        for (var i = 0; i < 3; i++) await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, CancellationToken.None);
        await _client.PostMessageAsync(conversationId, token, "still there?");
        var (pushed, _) = await DirectLineClient.ReceiveUntilAsync(socket, a => a.Count >= 2);

        Assert.Equal("still there?", DirectLineClient.Text(pushed[0]));
    }

    [Fact]
    public async Task Stream_FloodingClient_IsDisconnectedAndTheServiceStaysUp()
    {
        var (conversationId, token, streamUrl) = await _client.StartAsync();
        using var socket = await DirectLineClient.OpenStreamAsync(streamUrl);
        var junk = new byte[100];

        try
        {
            for (var i = 0; i < 200 && socket.State == WebSocketState.Open; i++)
                await socket.SendAsync(junk, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // the server may already have closed it
        }
        JsonNode? frame;
        do frame = await DirectLineClient.ReceiveFrameAsync(socket); while (frame is not null);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        await _client.PostMessageAsync(conversationId, token, "the service still answers");
    }

    [Fact]
    public async Task Stream_TooManySocketsForOneConversation_AreRefused()
    {
        var (conversationId, token, _) = await _client.StartAsync();
        var open = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < ChatService.Channels.DirectLine.StreamConnections.MaxPerConversation; i++)
            {
                var (_, reconnect) = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=", token);
                open.Add(await DirectLineClient.OpenStreamAsync((string)reconnect!["streamUrl"]!));
            }
            var (_, oneMore) = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=", token);

            var refused = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineClient.OpenStreamAsync((string)oneMore!["streamUrl"]!));
            Assert.Contains("429", refused.Message);
        }
        finally
        {
            foreach (var socket in open) socket.Dispose();
        }
    }

    [Fact]
    public async Task Stream_PlainHttpRequest_Is400()
    {
        var (_, _, streamUrl) = await _client.StartAsync();
        var http = streamUrl.Replace("ws://", "http://", StringComparison.Ordinal);

        using var response = await server.Http.GetAsync(http);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
