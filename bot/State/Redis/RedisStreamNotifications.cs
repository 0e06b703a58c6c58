using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary>
/// Multiplexes the in-process subscribers of each stream onto one Redis subscription per stream: the first
/// local subscriber subscribes, the last one unsubscribes. Callbacks run on the thread pool, never on the
/// multiplexer's reader, so a slow subscriber cannot stall Redis traffic.
/// </summary>
public sealed partial class RedisStreamNotifications(RedisConnection connection, ILogger<RedisStreamNotifications> logger)
{
    private sealed class Topic
    {
        // Replaced, never mutated, so Dispatch can read it without the lock.
        public volatile Subscription[] Subscriptions = [];
    }

    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string streamId, Action<long> onAppended)
    {
        lock (_topics)
        {
            if (!_topics.TryGetValue(streamId, out var topic))
            {
                topic = new Topic();
                try
                {
                    // Synchronous on purpose: once Subscribe returns, no later append can be missed.
                    connection.Subscriber.Subscribe(RedisChannel.Literal(RedisKeys.StreamAppended(streamId)), (_, message) => Dispatch(streamId, message));
                }
                catch (Exception ex) when (RedisConnection.IsOutage(ex))
                {
                    throw connection.Unavailable(ex);
                }
                _topics[streamId] = topic;
            }
            var subscription = new Subscription(this, streamId, onAppended);
            topic.Subscriptions = [.. topic.Subscriptions, subscription];
            return subscription;
        }
    }

    private void Unsubscribe(string streamId, Subscription subscription)
    {
        lock (_topics)
        {
            if (!_topics.TryGetValue(streamId, out var topic)) return;
            topic.Subscriptions = topic.Subscriptions.Where(s => s != subscription).ToArray();
            if (topic.Subscriptions.Length > 0) return;
            _topics.TryRemove(streamId, out _);
            try
            {
                // Fire and forget: a failed unsubscribe only costs a few unused messages until the connection drops.
                _ = connection.Subscriber.UnsubscribeAsync(RedisChannel.Literal(RedisKeys.StreamAppended(streamId)), null, CommandFlags.FireAndForget);
            }
            catch (Exception ex) when (RedisConnection.IsOutage(ex))
            {
                // the subscription went with the connection
            }
        }
    }

    private void Dispatch(string streamId, RedisValue message)
    {
        if (!_topics.TryGetValue(streamId, out var topic) || !message.TryParse(out long sequence)) return;
        foreach (var subscription in topic.Subscriptions)
            ThreadPool.UnsafeQueueUserWorkItem(state => Invoke(state.OnAppended, state.sequence, state.streamId), (subscription.OnAppended, sequence, streamId), preferLocal: false);
    }

    private void Invoke(Action<long> handler, long sequence, string streamId)
    {
        try
        {
            handler(sequence);
        }
        catch (Exception ex)
        {
            LogSubscriberFailed(ex, streamId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of stream {StreamId} failed")]
    private partial void LogSubscriberFailed(Exception ex, string streamId);

    private sealed class Subscription(RedisStreamNotifications owner, string streamId, Action<long> onAppended) : IDisposable
    {
        private int _disposed;

        public Action<long> OnAppended => onAppended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(streamId, this);
        }
    }
}
