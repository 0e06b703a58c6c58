using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary>
/// Lets an instance waiting for a conversation's lock wake up as soon as the holder releases it (the release
/// script publishes on the lock's channel), instead of polling. Only one turn per conversation and instance
/// waits on Redis at a time (the local gate), so each waiter subscribes for itself, and only when contended.
/// </summary>
public sealed class LockReleaseListener : IAsyncDisposable
{
    private readonly ISubscriber _subscriber;
    private readonly RedisChannel _channel;
    private readonly Action<RedisChannel, RedisValue> _handler;
    private volatile TaskCompletionSource _released = NewSignal();

    private LockReleaseListener(ISubscriber subscriber, string conversationId)
    {
        _subscriber = subscriber;
        _channel = RedisChannel.Literal(RedisKeys.LockReleased(conversationId));
        // Runs on the multiplexer's reader: only completes a task, whose continuations run elsewhere.
        _handler = (_, _) => _released.TrySetResult();
    }

    public static async Task<LockReleaseListener> ListenAsync(ISubscriber subscriber, string conversationId)
    {
        var listener = new LockReleaseListener(subscriber, conversationId);
        await subscriber.SubscribeAsync(listener._channel, listener._handler);
        return listener;
    }

    /// <summary>Forget earlier releases; call before each attempt so a release right after it is not missed.</summary>
    public void Reset() => _released = NewSignal();

    /// <summary>Waits for a release, or at most <paramref name="timeout"/> (a dead holder's lease runs out silently).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _released.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // time to look again anyway
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _subscriber.UnsubscribeAsync(_channel, _handler);
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            // the subscription went with the connection
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
