using ChatService.Hosting;
using ChatService.State.Redis;

namespace ChatService.State;

/// <summary>
/// The State room's part of the app: the fail-fast start-up check that a configured Redis is reachable. (A store
/// outage while running becomes 503 + Retry-After in Operations' ErrorBodyMiddleware.)
/// </summary>
public static partial class StateStartup
{
    public static WebApplication UseState(this WebApplication app)
    {
        if (app.Services.GetService<RedisConnection>() is { } redis) EnsureReachable(app, redis);
        return app;
    }

    private static void EnsureReachable(WebApplication app, RedisConnection redis)
    {
        try
        {
            redis.RunAsync(db => db.PingAsync()).WaitAsync(redis.ConnectTimeout).GetAwaiter().GetResult();
            LogConnected(app.Logger, redis.Endpoint);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or TimeoutException)
        {
            throw StartupFailure.Stop(app,
                $"ChatService cannot start: Redis at {redis.Endpoint} (ConnectionStrings:Redis) is unreachable. " +
                "Start Redis, fix the connection string, or clear it to run with in-memory state.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "State is kept in Redis at {Endpoint}")]
    private static partial void LogConnected(ILogger logger, string endpoint);
}
