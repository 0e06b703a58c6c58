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
public sealed partial class RedisConversationLock : IConversationLock
{
    // KEYS[1] = lock; ARGV = token, release channel. Deletes only our own lease, then wakes the waiters.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('PUBLISH', ARGV[2], 1)
        return 1
        """;

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

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
            return new Lease(this, conversationId, key, token, local);
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
            if (remaining <= TimeSpan.Zero) throw new TimeoutException($"The conversation '{conversationId}' is busy.");
            // The release message wakes us; polling (backing off to 500 ms) only covers a holder whose lease ran out.
            await releases.WaitAsync(poll < remaining ? poll : remaining, cancellationToken);
            poll = TimeSpan.FromMilliseconds(Math.Min(poll.TotalMilliseconds * 2, 500));
        }
    }

    private sealed class Lease : IAsyncDisposable
    {
        private readonly RedisConversationLock _owner;
        private readonly string _conversationId;
        private readonly string _key;
        private readonly string _token;
        private readonly IAsyncDisposable _local;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;
        private int _released;

        public Lease(RedisConversationLock owner, string conversationId, string key, string token, IAsyncDisposable local)
        {
            (_owner, _conversationId, _key, _token, _local) = (owner, conversationId, key, token, local);
            _renewal = RenewAsync();
        }

        private async Task RenewAsync()
        {
            var lease = _owner._options.Value.LockLease;
            using var timer = new PeriodicTimer(lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        var renewed = (long)await _owner._connection.Database.ScriptEvaluateAsync(RenewScript, [_key], [_token, (long)lease.TotalMilliseconds]);
                        if (renewed == 0) _owner.LogLeaseLost(_conversationId);
                    }
                    catch (Exception ex) when (RedisConnection.IsOutage(ex))
                    {
                        _owner.LogRenewalFailed(_conversationId, ex.Message);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // released
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            await _stop.CancelAsync();
            await _renewal;
            _stop.Dispose();
            try
            {
                await _owner._connection.Database.ScriptEvaluateAsync(ReleaseScript, [_key], [_token, RedisKeys.LockReleased(_conversationId)]);
            }
            catch (Exception ex) when (RedisConnection.IsOutage(ex))
            {
                // The turn itself is done; its lease runs out by itself, so this is not the caller's failure.
                _owner.LogReleaseFailed(_conversationId, ex.Message);
            }
            finally
            {
                await _local.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The turn lock of conversation {ConversationId} expired while its turn was still running")]
    private partial void LogLeaseLost(string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the turn lock of conversation {ConversationId}: {Reason}")]
    private partial void LogRenewalFailed(string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the turn lock of conversation {ConversationId}; it expires with its lease: {Reason}")]
    private partial void LogReleaseFailed(string conversationId, string reason);
}
