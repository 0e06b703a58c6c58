using ChatService.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>
/// Two real service instances sharing one set of stores, as they would share Redis: the same store objects are
/// handed to both (the in-memory implementations, standing in for the shared Redis ones not built yet).
/// </summary>
public sealed class TwoInstanceTests
{
    private sealed class SharedStores
    {
        public readonly IStateStore State = new InMemoryStateStore(TimeProvider.System);
        public readonly IActivityStreamStore Streams = new InMemoryActivityStreamStore(TimeProvider.System);
        public readonly IConversationLock Lock = new InMemoryConversationLock(Options.Create(new StateOptions()));
    }

    private sealed class Instance(SharedStores stores) : DirectLineServer(services =>
    {
        services.AddSingleton(stores.State);
        services.AddSingleton(stores.Streams);
        services.AddSingleton(stores.Lock);
    });

    [Fact]
    public async Task Conversation_StartedOnOneInstance_IsServedAndPushedByTheOther()
    {
        var stores = new SharedStores();
        using var a = new Instance(stores);
        using var b = new Instance(stores);
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
}
