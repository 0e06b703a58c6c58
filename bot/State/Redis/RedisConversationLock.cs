using System.Diagnostics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary>
/// The turn lock across instances: a Redis lease (SET NX PX with a random token) that the holder renews
/// while its turn runs and releases only if it still owns it. Turns of the same instance queue on a local
/// gate first, so only one of them at a time asks Redis; waiting for another instance is woken by the
/// release's pub/sub message (with slow polling for leases that ran out), bounded by <see cref="StateOptions.LockWait"/>.
/// </summary>
public sealed class RedisConversationLock : IConversationLock
{
    private readonly RedisConnection _connection;
    private readonly IOptions<StateOptions> _options;
    private readonly ILogger<RedisConversationLock> _logger;
    private readonly InMemoryConversationLock _localGate;

    public RedisConversationLock(RedisConnection connection, IOptions<StateOptions> options, ILogger<RedisConversationLock> logger)
    {
        (_connection, _options, _logger) = (connection, options, logger);
        _localGate = new InMemoryConversationLock(options);
    }

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var local = await _localGate.AcquireAsync(conversationId, cancellationToken);
        try
        {
            var key = RedisKeys.Lock(conversationId);
            var token = Guid.NewGuid().ToString("N");
            if (!await TrySetAsync(key, token))
                await WaitForReleaseAsync(conversationId, key, token, started, cancellationToken);
            return new RedisLockLease(_connection, conversationId, token, _options.Value.LockLease, local, _logger);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    private Task<bool> TrySetAsync(string key, string token) =>
        _connection.RunAsync(db => db.StringSetAsync(key, token, _options.Value.LockLease, When.NotExists));

    private async Task WaitForReleaseAsync(string conversationId, string key, string token, long started, CancellationToken cancellationToken)
    {
        await using var releases = await _connection.RunAsync(_ => LockReleaseListener.ListenAsync(_connection.Subscriber, conversationId));
        var poll = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            releases.Reset();
            if (await TrySetAsync(key, token)) return;
            var remaining = _options.Value.LockWait - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero) throw new ConversationBusyException(conversationId);
            // The release message wakes us; polling (backing off to 500 ms) only covers a holder whose lease ran out.
            await releases.WaitAsync(poll < remaining ? poll : remaining, cancellationToken);
            poll = TimeSpan.FromMilliseconds(Math.Min(poll.TotalMilliseconds * 2, 500));
        }
    }
}
