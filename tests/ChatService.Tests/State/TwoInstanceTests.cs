using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using ChatService.State;
using ChatService.Tests.Pipeline;
using ChatService.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatService.Tests.State;

/// <summary>
/// Two real service instances on one redis-server serve one conversation, turn by turn alternately and at
/// once, without losing state or activities. The turns go through each instance's <see cref="TurnRunner"/>
/// with a counting bot, so the exact count proves no update was lost; <see cref="TwoInstanceMessagesTests"/> does the
/// same over HTTP through /api/messages with the real bot.
/// </summary>
public sealed class TwoInstanceTests
{
    [Fact]
    public async Task TwoInstances_ServingOneConversation_LoseNoStateAndNoActivity()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var first = Instance(redis, "A");
        await using var second = Instance(redis, "B");
        using var firstClient = first.StartAndCreateClient();
        using var secondClient = second.StartAndCreateClient();
        StateHostFactory[] instances = [first, second];
        var conversationId = Guid.NewGuid().ToString("N");

        var replies = new List<string>();
        for (var turn = 0; turn < 10; turn++)
            replies.AddRange(await TurnAsync(instances[turn % 2], conversationId, $"alternate-{turn}"));
        var together = await Task.WhenAll(Enumerable.Range(0, 20).Select(turn =>
            Task.Run(() => TurnAsync(instances[turn % 2], conversationId, $"together-{turn}"))));
        replies.AddRange(together.SelectMany(r => r));

        Assert.All(replies, reply => Assert.StartsWith("count=", reply)); // no apology: no turn failed on a conflict
        Assert.Equal(Enumerable.Range(1, 30), replies.Select(reply => int.Parse(reply["count=".Length..])).Order());
        var state = await first.Services.GetRequiredService<IStateStore>().ReadAsync(StateKeys.Conversation(conversationId));
        Assert.Equal("30", state!.Value);
        var stream = await second.Services.GetRequiredService<IActivityStreamStore>().ReadAfterAsync(StateKeys.DirectLineStream(conversationId), null, 100);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), stream.Select(e => e.Sequence));
        Assert.Contains(stream, e => e.Payload.StartsWith("A:", StringComparison.Ordinal));
        Assert.Contains(stream, e => e.Payload.StartsWith("B:", StringComparison.Ordinal));
        Assert.Equal(30, stream.Select(e => e.Payload.Split(':')[1]).Distinct().Count());
    }

    private static StateHostFactory Instance(RedisServer redis, string name) => new(redis.PatientConnectionString, services =>
    {
        services.AddSingleton(new CountingBot.Name(name));
        services.RemoveAll<IBot>();
        services.AddSingleton<IBot, CountingBot>();
    });

    private static async Task<IEnumerable<string>> TurnAsync(StateHostFactory instance, string conversationId, string text)
    {
        var sender = new BufferingSender();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "test",
            ServiceUrl = "http://localhost/",
            Text = text,
            DeliveryMode = DeliveryModes.ExpectReplies,
            From = new ChannelAccount { Id = "customer" },
            Recipient = new ChannelAccount { Id = "bot" },
            Conversation = new ConversationAccount { Id = conversationId },
        };
        await instance.Services.GetRequiredService<TurnRunner>().ProcessAsync(activity, sender, CancellationToken.None);
        lock (sender.Sent) return sender.Sent.Where(a => a.Type == ActivityTypes.Message).Select(a => a.Text!).ToList();
    }
}
