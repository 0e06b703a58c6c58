using ChatService.State.Redis;

namespace ChatService.State;

/// <summary>
/// The State room's part of the app: the 503 mapping for store outages, and the fail-fast start-up check
/// that a configured Redis is reachable.
/// </summary>
public static partial class StateStartup
{
    public static WebApplication UseState(this WebApplication app)
    {
        app.UseMiddleware<StoreUnavailableHandler>();
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
            var failure = new StateStartupException(
                $"ChatService cannot start: Redis at {redis.Endpoint} (ConnectionStrings:Redis) is unreachable. " +
                "Start Redis, fix the connection string, or clear it to run with in-memory state.");
            LogStartFailed(app.Logger, failure.Message);
            ExitQuietlyIfUnhandled(app, failure);
            throw failure;
        }
    }

    /// <summary>
    /// A process that cannot start should say why in one line and exit non-zero, not print a stack trace;
    /// a host run inside a test (WebApplicationFactory) catches the exception instead, so this never fires there.
    /// </summary>
    private static void ExitQuietlyIfUnhandled(WebApplication app, StateStartupException failure)
    {
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (!ReferenceEquals(e.ExceptionObject, failure)) return;
            foreach (var provider in app.Services.GetServices<ILoggerProvider>()) provider.Dispose(); // flush the message
            Environment.Exit(1);
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "State is kept in Redis at {Endpoint}")]
    private static partial void LogConnected(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogStartFailed(ILogger logger, string message);
}

/// <summary>A configured store is unreachable at start-up; the service refuses to start.</summary>
public sealed class StateStartupException(string message) : Exception(message);
