using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary><see cref="ISharedBlobStore"/> as plain Redis strings with an expiry.</summary>
public sealed class RedisBlobStore(RedisConnection connection) : ISharedBlobStore
{
    public Task SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan timeToLive) =>
        connection.RunAsync(db => db.StringSetAsync(RedisKeys.Blob(key), value, timeToLive));

    public Task<byte[]?> GetAsync(string key) =>
        connection.RunAsync(async db => (byte[]?)await db.StringGetAsync(RedisKeys.Blob(key)));

    public Task DeleteAsync(string key) => connection.RunAsync(db => db.KeyDeleteAsync(RedisKeys.Blob(key)));
}
