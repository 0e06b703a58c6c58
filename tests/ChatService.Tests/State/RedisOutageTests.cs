using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using ChatService.State;
using ChatService.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatService.Tests.State;

/// <summary>Redis goes away while the service runs, then comes back on the same port.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task Stores_WhenRedisStopsAndRestarts_ThrowUnavailableThenRecoverWithoutRestart()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var instances = new RedisInstances(redis);
        var connection = instances.Connect(); // one service instance: one multiplexer under all its stores
        var store = instances.StateStore(connection);
        var streams = instances.StreamStore(connection);
        var conversationLock = instances.Lock(new StateOptions { LockWait = TimeSpan.FromSeconds(ChatService.Operations.ErrorResponse.RetryAfterSeconds) }, connection);
        var heardAfterRestart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Set-up, not under test: a fresh connection's first SUBSCRIBE can outlast the 2 s timeout on a loaded machine.
        IDisposable? subscription = null;
        var subscriber = instances.StreamStore();
        await Eventually.TrueAsync(() => Succeeds(() =>
        {
            subscription = subscriber.Subscribe("s", _ => heardAfterRestart.TrySetResult());
            return Task.CompletedTask;
        }), "the subscription before the outage is made", 10);
        using var _ = subscription;
        await store.WriteAsync("k", "before", null);

        await redis.StopAsync();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReadAsync("k"));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.WriteAsync("k", "during", null));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => streams.AppendAsync("s", "during", TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => streams.ReadAfterAsync("s", null, 10));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => conversationLock.AcquireAsync("c"));

        await redis.StartAgainAsync();

        await Eventually.TrueAsync(async () => await Succeeds(() => store.WriteAsync("k", "after", null)), "the state store reconnects", 20);
        Assert.Equal("after", (await store.ReadAsync("k"))!.Value);
        Assert.Equal(0, await streams.AppendAsync("s", "after", TimeSpan.FromMinutes(1)));
        await using var held = await conversationLock.AcquireAsync("c");
        // The subscription made before the outage is renewed by the reconnect (appends retried until it is).
        await Eventually.TrueAsync(async () =>
        {
            await streams.AppendAsync("s", "ping", TimeSpan.FromMinutes(1));
            return await Task.WhenAny(heardAfterRestart.Task, Task.Delay(100)) == heardAfterRestart.Task;
        }, "a subscriber from before the outage hears appends again", 20);
    }

    [Fact]
    public async Task Host_WhenRedisStopsAndRestarts_Answers503WithRetryAfterThenServesAgain()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = new StateHostFactory(redis.ConnectionString, StateProbeEndpoint.AddTo);
        using var client = host.StartAndCreateClient();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(StateProbeEndpoint.Path)).StatusCode);

        await redis.StopAsync();

        using var unavailable = await client.GetAsync(StateProbeEndpoint.Path);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ChatService.Operations.ErrorResponse.RetryAfterSeconds), unavailable.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await unavailable.Content.ReadAsStringAsync());
        Assert.Equal("ServiceUnavailable", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", body.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync()).Entries[StateHealthCheck.Name].Status);

        await redis.StartAgainAsync();

        await Eventually.TrueAsync(async () => (await client.GetAsync(StateProbeEndpoint.Path)).StatusCode == HttpStatusCode.OK, "the service serves again", 20);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Entries[StateHealthCheck.Name].Status);
    }

    private static async Task<bool> Succeeds(Func<Task> operation)
    {
        try
        {
            await operation();
            return true;
        }
        catch (StoreUnavailableException)
        {
            return false;
        }
    }
}
