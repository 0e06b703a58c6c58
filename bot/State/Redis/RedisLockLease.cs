namespace ChatService.State.Redis;

/// <summary>
/// A held turn lock: renews its Redis lease every third of the lease while the turn runs, and on release
/// deletes the key only if it still holds it (then wakes the instances waiting for it).
/// </summary>
public sealed partial class RedisLockLease : IAsyncDisposable
{
    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    // KEYS[1] = lock; ARGV = token, release channel.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('PUBLISH', ARGV[2], 1)
        return 1
        """;

    private readonly RedisConnection _connection;
    private readonly string _conversationId;
    private readonly string _token;
    private readonly TimeSpan _lease;
    private readonly IAsyncDisposable _localGate;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private int _released;

    public RedisLockLease(RedisConnection connection, string conversationId, string token, TimeSpan lease, IAsyncDisposable localGate, ILogger logger)
    {
        (_connection, _conversationId, _token, _lease, _localGate, _logger) = (connection, conversationId, token, lease, localGate, logger);
        _renewal = RenewAsync();
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(_lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    var renewed = (long)await _connection.Database.ScriptEvaluateAsync(
                        RenewScript, [RedisKeys.Lock(_conversationId)], [_token, (long)_lease.TotalMilliseconds]);
                    if (renewed == 0) LogLeaseLost(_conversationId);
                }
                catch (Exception ex) when (RedisConnection.IsOutage(ex))
                {
                    LogRenewalFailed(_conversationId, ex.Message);
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
            await _connection.Database.ScriptEvaluateAsync(
                ReleaseScript, [RedisKeys.Lock(_conversationId)], [_token, RedisKeys.LockReleased(_conversationId)]);
        }
        catch (Exception ex) when (RedisConnection.IsOutage(ex))
        {
            // The turn itself is done and its lease runs out by itself: not the caller's failure.
            LogReleaseFailed(_conversationId, ex.Message);
        }
        finally
        {
            await _localGate.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The turn lock of conversation {ConversationId} expired while its turn was still running")]
    private partial void LogLeaseLost(string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the turn lock of conversation {ConversationId}: {Reason}")]
    private partial void LogRenewalFailed(string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the turn lock of conversation {ConversationId}; it expires with its lease: {Reason}")]
    private partial void LogReleaseFailed(string conversationId, string reason);
}
