using ChatService.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatService.Tests.State;

public sealed class StateHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_InMemory_IsHealthyAndRegisteredAsState()
    {
        await using var host = new StateHostFactory(redisConnectionString: "");
        using var client = host.StartAndCreateClient();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.IsType<InMemoryStateStore>(host.Services.GetRequiredService<IStateStore>());
        Assert.Equal(HealthStatus.Healthy, report.Entries[StateHealthCheck.Name].Status);
    }
}
