using ChatService.State.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatService.State;

/// <summary>The "state" health check: healthy in memory; with Redis, healthy only while Redis answers a PING.</summary>
public sealed class StateHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Name = "state";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<RedisConnection>() is not { } redis)
            return HealthCheckResult.Healthy("In-memory state.");
        try
        {
            var latency = await redis.RunAsync(db => db.PingAsync()).WaitAsync(redis.ConnectTimeout, cancellationToken);
            return HealthCheckResult.Healthy($"Redis at {redis.Endpoint} answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception ex) when (ex is StoreUnavailableException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis at {redis.Endpoint} is unavailable.");
        }
    }
}
