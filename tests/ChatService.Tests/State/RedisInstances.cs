using ChatService.State;
using ChatService.State.Redis;
using ChatService.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.State;

/// <summary>
/// Builds the Redis stores the way one service instance would: each instance has its own multiplexer, so
/// two of them talk to Redis over separate connections exactly like two processes.
/// </summary>
public sealed class RedisInstances(RedisServer server) : IAsyncDisposable
{
    private readonly List<RedisConnection> _connections = [];

    public RedisConnection Connect()
    {
        var connection = new RedisConnection(server.ConnectionString, NullLogger<RedisConnection>.Instance);
        lock (_connections) _connections.Add(connection);
        return connection;
    }

    public IStateStore StateStore(RedisConnection? connection = null) => new RedisStateStore(connection ?? Connect());

    public IConversationLock Lock(StateOptions options, RedisConnection? connection = null) =>
        new RedisConversationLock(connection ?? Connect(), Options.Create(options), NullLogger<RedisConversationLock>.Instance);

    public IActivityStreamStore StreamStore(RedisConnection? connection = null)
    {
        connection ??= Connect();
        return new RedisActivityStreamStore(connection, new RedisStreamNotifications(connection, NullLogger<RedisStreamNotifications>.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
