using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary>
/// State in Redis: one hash per key holding the value and its ETag. Every write is one Lua script, so the
/// ETag check, the write and the expiry happen atomically or not at all.
/// </summary>
public sealed class RedisStateStore(RedisConnection connection) : IStateStore
{
    // KEYS[1] = key; ARGV = value, expected ETag ("" = any, "*" = must not exist), new ETag, TTL in ms (0 = none).
    private const string WriteScript = """
        local current = redis.call('HGET', KEYS[1], 'e')
        if ARGV[2] == '*' then
          if current then return 0 end
        elseif ARGV[2] ~= '' then
          if current ~= ARGV[2] then return 0 end
        end
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'v', ARGV[1], 'e', ARGV[3])
        if tonumber(ARGV[4]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        return 1
        """;

    public Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        connection.RunAsync<StoreItem?>(async db =>
        {
            var fields = await db.HashGetAsync(RedisKeys.State(key), ["v", "e"]);
            return fields[0].IsNull || fields[1].IsNull ? null : new StoreItem(fields[0]!, fields[1]!);
        });

    public Task<string> WriteAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var etag = Guid.NewGuid().ToString("N");
        var ttl = timeToLive is { } t ? Math.Max(1, (long)t.TotalMilliseconds) : 0;
        return connection.RunAsync(async db =>
        {
            var written = (long)await db.ScriptEvaluateAsync(WriteScript, [RedisKeys.State(key)], [value, expectedETag ?? "", etag, ttl]);
            return written == 1 ? etag : throw new ETagConflictException(key);
        });
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        connection.RunAsync(db => db.KeyDeleteAsync(RedisKeys.State(key)));
}
