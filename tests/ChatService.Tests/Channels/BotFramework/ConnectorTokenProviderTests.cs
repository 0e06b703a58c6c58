using ChatService.Channels.BotFramework;
using ChatService.Channels.BotFramework.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>The Connector token is cached and refreshed 5 minutes before it expires (token endpoint: the loopback stand-in).</summary>
public sealed class ConnectorTokenProviderTests : IAsyncLifetime
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private readonly AzureStandIn _azure = new();
    private readonly ManualClock _clock = new();

    public Task InitializeAsync() => _azure.StartAsync();

    public async Task DisposeAsync() => await _azure.DisposeAsync();

    private ConnectorTokenProvider Provider(string appId = TestKeys.AppId) => new(
        Options.Create(new BotFrameworkOptions
        {
            MicrosoftAppId = appId,
            MicrosoftAppPassword = TestKeys.AppPassword,
            ToChannelFromBotLoginUrl = _azure.BaseUrl + "/token",
        }),
        new PlainHttpClientFactory(), _clock, NullLogger<ConnectorTokenProvider>.Instance);

    [Fact]
    public async Task GetTokenAsync_BeforeRefreshMargin_ReusesTheToken_AfterIt_FetchesANewOne()
    {
        var provider = Provider();

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(54); // expires_in is 3600 s: still more than 5 minutes left
        var cached = await provider.GetTokenAsync(CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(2);  // inside the last 5 minutes
        var renewed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("connector-token-1", first);
        Assert.Equal(first, cached);
        Assert.Equal("connector-token-2", renewed);
        Assert.Equal(2, _azure.TokenRequests);
    }

    [Fact]
    public async Task GetTokenAsync_ManyConcurrentCallers_OneRequest()
    {
        var provider = Provider();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(CancellationToken.None).AsTask()));

        Assert.All(tokens, t => Assert.Equal("connector-token-1", t));
        Assert.Equal(1, _azure.TokenRequests);
    }

    [Fact]
    public async Task GetTokenAsync_WithoutAppId_ReturnsNullAndAsksNothing()
    {
        Assert.Null(await Provider(appId: "").GetTokenAsync(CancellationToken.None));
        Assert.Equal(0, _azure.TokenRequests);
    }

    [Fact]
    public async Task GetTokenAsync_WrongSecret_Throws()
    {
        var provider = new ConnectorTokenProvider(
            Options.Create(new BotFrameworkOptions { MicrosoftAppId = TestKeys.AppId, MicrosoftAppPassword = "wrong", ToChannelFromBotLoginUrl = _azure.BaseUrl + "/token" }),
            new PlainHttpClientFactory(), _clock, NullLogger<ConnectorTokenProvider>.Instance);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => provider.GetTokenAsync(CancellationToken.None).AsTask());
        Assert.Equal(401, error.StatusCode);
    }
}
