using System.Net;
using ChatService.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Channels.DirectLine;

/// <summary>A state store that is down. A stand-in: the Redis store is another room's and not built yet.</summary>
public sealed class UnavailableStoreServer() : DirectLineServer(services => services.AddSingleton<IStateStore, UnavailableStore>())
{
    private sealed class UnavailableStore : IStateStore
    {
        public Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken = default) => throw new StoreUnavailableException("store down");
        public Task<string> WriteAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) => throw new StoreUnavailableException("store down");
        public Task DeleteAsync(string key, CancellationToken cancellationToken = default) => throw new StoreUnavailableException("store down");
    }
}

public sealed class StoreOutageTests(UnavailableStoreServer server) : IClassFixture<UnavailableStoreServer>
{
    [Fact]
    public async Task StartConversation_StoreUnavailable_Is503WithRetryAfter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Headers = { Authorization = new("Bearer", DirectLineServer.Secret) } };

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("\"code\":\"ServiceUnavailable\"", await response.Content.ReadAsStringAsync());
    }
}
