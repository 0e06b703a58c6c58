using ChatService.Channels.Protocol;
using ChatService.Pipeline;
using ChatService.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Pipeline;

public sealed class TurnRunnerTests
{
    private sealed class DelegateBot(Func<ITurnContext, CancellationToken, Task> onTurn) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => onTurn(turnContext, cancellationToken);
    }

    private sealed class FixedResolver(IChannelSender? sender) : IChannelSenderResolver
    {
        public IChannelSender? Resolve(ConversationReference reference) => sender;
    }

    private static TurnRunner Runner(IBot bot, IChannelSender? proactiveSender = null, params ITurnMiddleware[] middleware) =>
        new(new MiddlewareSet(middleware), bot,
            new InMemoryConversationLock(Options.Create(new StateOptions())),
            new TurnDrain(NullLogger<TurnDrain>.Instance),
            new FixedResolver(proactiveSender),
            NullLogger<TurnRunner>.Instance);

    private static Activity Message(string text, string conversationId = "conv-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Text = text,
        ChannelId = "test",
        ServiceUrl = "http://127.0.0.1/",
        From = new ChannelAccount { Id = "user-1", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = conversationId },
    };

    [Theory]
    [InlineData("我的保单呢", "抱歉")]
    [InlineData("where is my policy", "Sorry")]
    public async Task ProcessAsync_BotThrows_CustomerGetsApologyInTheirLanguageWithoutDetails(string text, string expectedStart)
    {
        var sender = new BufferingSender();
        var runner = Runner(new DelegateBot((_, _) => throw new InvalidOperationException("secret stack detail")));

        await runner.ProcessAsync(Message(text), sender, CancellationToken.None);

        var reply = Assert.Single(sender.Sent);
        Assert.StartsWith(expectedStart, reply.Text);
        Assert.DoesNotContain("secret", reply.Text);
        Assert.DoesNotContain("Exception", reply.Text);
    }

    [Fact]
    public async Task ProcessAsync_StoreUnavailable_PropagatesSoTheChannelDoesNotAcknowledge()
    {
        var runner = Runner(new DelegateBot((_, _) => throw new StoreUnavailableException("redis down")));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => runner.ProcessAsync(Message("hi"), new BufferingSender(), CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_SameConversation_TurnsNeverOverlap()
    {
        var active = 0;
        var maxActive = 0;
        var runner = Runner(new DelegateBot(async (_, ct) =>
        {
            var now = Interlocked.Increment(ref active);
            InterlockedMax(ref maxActive, now);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref active);
        }));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => runner.ProcessAsync(Message($"m{i}"), new BufferingSender(), CancellationToken.None)));

        Assert.Equal(1, maxActive);
    }

    [Fact]
    public async Task ProcessAsync_DifferentConversations_RunInParallel()
    {
        var bothInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        var runner = Runner(new DelegateBot(async (_, ct) =>
        {
            if (Interlocked.Increment(ref inside) == 2) bothInside.TrySetResult();
            await bothInside.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        }));

        await Task.WhenAll(
            runner.ProcessAsync(Message("a", "conv-a"), new BufferingSender(), CancellationToken.None),
            runner.ProcessAsync(Message("b", "conv-b"), new BufferingSender(), CancellationToken.None));

        Assert.True(bothInside.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task SendActivityAsync_Reply_IsAddressedBackToTheCustomerAsTheBot()
    {
        var sender = new BufferingSender();
        var incoming = Message("hello");
        var runner = Runner(new DelegateBot((tc, ct) => tc.SendActivityAsync("hi there", ct)));

        await runner.ProcessAsync(incoming, sender, CancellationToken.None);

        var reply = Assert.Single(sender.Sent);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal("user-1", reply.Recipient?.Id);
        Assert.Equal("bot", reply.From?.Id);
        Assert.Equal(RoleTypes.Bot, reply.From?.Role);
        Assert.Equal("conv-1", reply.Conversation?.Id);
    }

    [Fact]
    public async Task ContinueConversationAsync_SendsThroughTheResolvedChannel()
    {
        var sender = new BufferingSender();
        var runner = Runner(new DelegateBot((_, _) => Task.CompletedTask), sender);
        var reference = Message("x").GetConversationReference();

        await runner.ContinueConversationAsync(reference, (tc, ct) => tc.SendActivityAsync("an agent has joined", ct), CancellationToken.None);

        var sent = Assert.Single(sender.Sent);
        Assert.Equal("an agent has joined", sent.Text);
        Assert.Equal("user-1", sent.Recipient?.Id);
    }

    [Fact]
    public async Task ContinueConversationAsync_UntrustedChannel_Throws()
    {
        var runner = Runner(new DelegateBot((_, _) => Task.CompletedTask), proactiveSender: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.ContinueConversationAsync(Message("x").GetConversationReference(), (_, _) => Task.CompletedTask, CancellationToken.None));
    }

    [Fact]
    public async Task TypingMiddleware_SlowTurn_SendsTypingBeforeTheReply()
    {
        var sender = new BufferingSender();
        var typing = new TypingMiddleware(Options.Create(new PipelineOptions { TypingDelay = TimeSpan.FromMilliseconds(10), TypingInterval = TimeSpan.FromSeconds(5) }));
        var runner = Runner(new DelegateBot(async (tc, ct) =>
        {
            await Task.Delay(1000, ct); // far longer than the 10 ms typing delay, even on a busy machine
            await tc.SendActivityAsync("done", ct);
        }), null, typing);

        await runner.ProcessAsync(Message("slow"), sender, CancellationToken.None);

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], sender.Sent.Select(a => a.Type));
    }

    [Fact]
    public async Task TypingMiddleware_FastTurn_SendsNoTyping()
    {
        var sender = new BufferingSender();
        var typing = new TypingMiddleware(Options.Create(new PipelineOptions { TypingDelay = TimeSpan.FromSeconds(10) }));
        var runner = Runner(new DelegateBot((tc, ct) => tc.SendActivityAsync("quick", ct)), null, typing);

        await runner.ProcessAsync(Message("fast"), sender, CancellationToken.None);

        Assert.Equal([ActivityTypes.Message], sender.Sent.Select(a => a.Type));
    }

    [Fact]
    public async Task TurnDrain_Stopping_RefusesNewTurnsAndWaitsForInFlight()
    {
        var drain = new TurnDrain(NullLogger<TurnDrain>.Instance);
        var turn = drain.Enter();
        var stop = drain.StopAsync(CancellationToken.None);

        Assert.False(stop.IsCompleted);
        Assert.Throws<ShuttingDownException>(() => drain.Enter());
        turn.Dispose();
        await stop.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
