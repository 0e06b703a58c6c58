using StackExchange.Redis;

namespace ChatService.State.Redis;

/// <summary>
/// The one multiplexer of this instance. It never aborts on a failed connect and reconnects by itself, so a
/// Redis outage only fails the operations made during it; start-up checks reachability separately
/// (<see cref="StateStartup"/>).
/// </summary>
public sealed partial class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly ConnectionMultiplexer _multiplexer;
    private readonly ILogger<RedisConnection> _logger;

    public RedisConnection(string connectionString, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        // Operations during an outage fail at once (→ 503) instead of queueing until a timeout.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy ??= new ExponentialRetry(250, 2000);
        if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase)) options.ConnectTimeout = 2000;
        if (!connectionString.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase)) options.SyncTimeout = 2000;
        if (!connectionString.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase)) options.AsyncTimeout = 2000;
        Endpoint = string.Join(",", options.EndPoints.Select(e => e.ToString()));
        ConnectTimeout = TimeSpan.FromMilliseconds(options.ConnectTimeout);
        _multiplexer = ConnectionMultiplexer.Connect(options);
        _multiplexer.ConnectionFailed += (_, e) => LogConnectionFailed(e.EndPoint?.ToString(), e.FailureType.ToString());
        _multiplexer.ConnectionRestored += (_, e) => LogConnectionRestored(e.EndPoint?.ToString());
    }

    /// <summary>The configured endpoint(s), for messages (never the password).</summary>
    public string Endpoint { get; }

    public TimeSpan ConnectTimeout { get; }

    /// <summary>The shared multiplexer, for other Redis users of this instance (e.g. a SignalR backplane).</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer;

    public IDatabase Database => _multiplexer.GetDatabase();

    public ISubscriber Subscriber => _multiplexer.GetSubscriber();

    public bool IsConnected => _multiplexer.IsConnected;

    /// <summary>Runs one Redis operation, turning connection failures into <see cref="StoreUnavailableException"/>.</summary>
    /// <remarks>
    /// Callers' cancellation tokens are not applied: a command already sent may still take effect, and a
    /// caller told "cancelled" could not know whether its write happened. Commands are short and time out.
    /// </remarks>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation)
    {
        try
        {
            return await operation(Database);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            throw Unavailable(ex);
        }
    }

    public StoreUnavailableException Unavailable(Exception ex) =>
        new($"Redis at {Endpoint} is unavailable: {ex.Message}", ex);

    public static bool IsOutage(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or ObjectDisposedException
        || (ex is RedisServerException server && server.Message.StartsWith("LOADING", StringComparison.Ordinal));

    public ValueTask DisposeAsync() => _multiplexer.DisposeAsync();

    public void Dispose() => _multiplexer.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection to {Endpoint} failed ({FailureType}); state operations answer 503 until it is restored")]
    private partial void LogConnectionFailed(string? endpoint, string failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection to {Endpoint} restored")]
    private partial void LogConnectionRestored(string? endpoint);
}
