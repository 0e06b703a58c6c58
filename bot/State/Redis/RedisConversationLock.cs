using System.Diagnostics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary>
/// The turn lock across instances: a Redis lease (SET NX PX with a random token) that the holder renews
/// while its turn runs and releases only if it still owns it. Turns of the same instance queue on a local
/// gate first, so only one of them at a time asks Redis; waiting for another instance is backoff polling,
/// bounded by <see cref="StateOptions.LockWait"/>.
/// </summary>
public sealed partial class RedisConversationLock : IConversationLock
{
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
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
            var lease = _options.Value.LockLease;
            var delay = TimeSpan.FromMilliseconds(10);
            while (!await _connection.RunAsync(db => db.StringSetAsync(key, token, lease, When.NotExists)))
            {
                var remaining = _options.Value.LockWait - Stopwatch.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero) throw new TimeoutException($"The conversation '{conversationId}' is busy.");
                // Jitter keeps instances that wait for the same conversation from polling in lockstep.
                var jittered = delay * (0.5 + Random.Shared.NextDouble());
                await Task.Delay(jittered < remaining ? jittered : remaining, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
            }
            return new Lease(this, conversationId, key, token, local);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
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
                await _owner._connection.Database.ScriptEvaluateAsync(ReleaseScript, [_key], [_token]);
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
