using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using ChatService.State;
using ChatService.Tests.Pipeline;
using ChatService.Transcripts;

namespace ChatService.Tests.Transcripts;

public sealed class TranscriptMiddlewareTests
{
    private readonly InMemoryTranscriptStore _store = new();

    private async Task<BufferingSender> RunTurnAsync(Activity inbound, Func<ITurnContext, Task> bot, bool proactive = false)
    {
        var sender = new BufferingSender();
        var turnContext = new TurnContext(inbound, sender);
        if (proactive) turnContext.TurnState[TurnStateKeys.Proactive] = true;
        var set = new MiddlewareSet([new TranscriptMiddleware(_store)]);
        await set.RunAsync(turnContext, (tc, _) => bot(tc), CancellationToken.None);
        return sender;
    }

    [Fact]
    public async Task OnTurnAsync_LogsInboundBeforeTheBotRuns()
    {
        var inbound = TranscriptActivities.UserMessage("mw-1", "hi");
        int seenByBot = -1;
        await RunTurnAsync(inbound, _ => { seenByBot = _store.Entries.Count; return Task.CompletedTask; });
        Assert.Equal(1, seenByBot);
        Assert.Equal(TranscriptDirection.Inbound, Assert.Single(_store.Entries).Direction);
    }

    [Fact]
    public async Task OnTurnAsync_LogsRepliesWithChannelIdsButNotTyping()
    {
        var inbound = TranscriptActivities.UserMessage("mw-2", "hi");
        await RunTurnAsync(inbound, async tc =>
        {
            await tc.SendActivityAsync(new Activity { Type = ActivityTypes.Typing });
            await tc.SendActivitiesAsync([new Activity { Text = "one" }, new Activity { Text = "two" }]);
        });

        var outbound = _store.Entries.Where(e => e.Direction == TranscriptDirection.Outbound).ToList();
        Assert.Equal(["one", "two"], outbound.Select(e => e.Activity.Text));
        Assert.Equal(["r1", "r2"], outbound.Select(e => e.Entry.ActivityId)); // the ids the channel gave them
        Assert.All(outbound, e => Assert.Equal(("mw-2", "bot"), (e.Entry.ConversationId, e.Entry.FromRole)));
    }

    [Fact]
    public async Task OnTurnAsync_UpdateAndDelete_AreLoggedAfterTheChannelDidThem()
    {
        var inbound = TranscriptActivities.UserMessage("mw-ud", "hi");
        await RunTurnAsync(inbound, async tc =>
        {
            var sent = await tc.SendActivityAsync("请稍候…");
            await tc.UpdateActivityAsync(new Activity { Id = sent.Id, Text = "您的保单 P12345678 有效" });
            await tc.DeleteActivityAsync(sent.Id);
        });

        var outbound = _store.Entries.Where(e => e.Direction == TranscriptDirection.Outbound).ToList();
        Assert.Equal([ActivityTypes.Message, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete], outbound.Select(e => e.Entry.ActivityType));
        Assert.Single(outbound.Select(e => e.Entry.ActivityId).Distinct()); // all three are about the one reply
        Assert.Equal("您的保单 *****5678 有效", outbound[1].Entry.MaskedText); // updates are masked like any text
        Assert.Equal(("mw-ud", "bot"), (outbound[2].Entry.ConversationId, outbound[2].Entry.FromRole));
    }

    [Fact]
    public async Task OnTurnAsync_ProactiveTurn_LogsOnlyWhatIsSent()
    {
        var continuation = TranscriptActivities.UserMessage("mw-3", "");
        continuation.Type = ActivityTypes.Event;
        await RunTurnAsync(continuation, tc => tc.SendActivityAsync("来自客服的消息"), proactive: true);
        var entry = Assert.Single(_store.Entries);
        Assert.Equal((TranscriptDirection.Outbound, "来自客服的消息"), (entry.Direction, entry.Entry.MaskedText));
    }

    [Fact]
    public async Task OnTurnAsync_StoreUnavailable_FailsTheTurnBeforeTheBotRuns()
    {
        var failing = new FailingStore();
        var turnContext = new TurnContext(TranscriptActivities.UserMessage("mw-4", "hi"), new BufferingSender());
        var botRan = false;
        var set = new MiddlewareSet([new TranscriptMiddleware(failing)]);
        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            set.RunAsync(turnContext, (_, _) => { botRan = true; return Task.CompletedTask; }, CancellationToken.None));
        Assert.False(botRan);
    }

    private sealed class FailingStore : ITranscriptStore
    {
        public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task AppendAsync(Activity activity, TranscriptDirection direction, CancellationToken cancellationToken = default) =>
            Task.FromException(new StoreUnavailableException("disk full"));
        public Task<ConversationPage> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
