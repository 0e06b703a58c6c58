using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary>
/// Streams as Redis lists: the list index is the sequence number, so RPUSH's new length gives a dense,
/// 0-based sequence under concurrent appends from any number of instances. The append, its expiry and its
/// notification are one script; other instances hear of it on the stream's pub/sub channel.
/// </summary>
public sealed class RedisActivityStreamStore(RedisConnection connection, RedisStreamNotifications notifications) : IActivityStreamStore
{
    // KEYS[1] = list; ARGV = payload, TTL in ms, notification channel.
    private const string AppendScript = """
        local sequence = redis.call('RPUSH', KEYS[1], ARGV[1]) - 1
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('PUBLISH', ARGV[3], sequence)
        return sequence
        """;

    public Task<long> AppendAsync(string streamId, string payload, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var ttl = Math.Max(1, (long)timeToLive.TotalMilliseconds);
        return connection.RunAsync(async db => (long)await db.ScriptEvaluateAsync(
            AppendScript, [RedisKeys.Stream(streamId)], [payload, ttl, RedisKeys.StreamAppended(streamId)]));
    }

    public Task<IReadOnlyList<StreamEntry>> ReadAfterAsync(string streamId, long? afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        if (maxCount <= 0) return Task.FromResult<IReadOnlyList<StreamEntry>>([]);
        var start = Math.Max(0, (afterSequence ?? -1) + 1);
        return connection.RunAsync<IReadOnlyList<StreamEntry>>(async db =>
        {
            var values = await db.ListRangeAsync(RedisKeys.Stream(streamId), start, start + maxCount - 1);
            return values.Select((value, i) => new StreamEntry(start + i, value!)).ToList();
        });
    }

    public IDisposable Subscribe(string streamId, Action<long> onAppended) => notifications.Subscribe(streamId, onAppended);

    public Task DeleteAsync(string streamId, CancellationToken cancellationToken = default) =>
        connection.RunAsync(db => db.KeyDeleteAsync(RedisKeys.Stream(streamId)));
}
