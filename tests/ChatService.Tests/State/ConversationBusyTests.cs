using System.Net;
using System.Text.Json;
using ChatService.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.State;

/// <summary>A conversation busy longer than the lock wait is a 503 + Retry-After (mapped by Operations' error middleware).</summary>
public sealed class ConversationBusyTests
{
    [Fact]
    public async Task Request_ConversationLockedLongerThanLockWait_Answers503WithRetryAfter()
    {
        await using var host = new StateHostFactory(redisConnectionString: "", services =>
        {
            StateProbeEndpoint.AddTo(services);
            services.Configure<StateOptions>(options => options.LockWait = TimeSpan.FromMilliseconds(200));
        });
        using var client = host.StartAndCreateClient();
        var conversationLock = host.Services.GetRequiredService<IConversationLock>();

        HttpResponseMessage busy;
        await using (await conversationLock.AcquireAsync("c1"))
            busy = await client.GetAsync($"{StateProbeEndpoint.Path}?conversation=c1");
        using var free = await client.GetAsync($"{StateProbeEndpoint.Path}?conversation=c1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(ChatService.Operations.ErrorResponse.RetryAfterSeconds), busy.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await busy.Content.ReadAsStringAsync());
        Assert.Equal("ServiceUnavailable", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        busy.Dispose();
    }
}
