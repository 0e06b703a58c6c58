using System.Net;
using ChatService.Channels.Protocol;
using ChatService.State;
using ChatService.Transcripts;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>A service whose transcript store is down (it throws what an unreachable durable store throws).</summary>
public sealed class StoreDownBotHost() : BotHost(withAppId: false)
{
    private sealed class DownStore : ITranscriptStore
    {
        private static StoreUnavailableException Down() => new("The transcript database is unreachable.");

        public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task AppendAsync(Activity activity, TranscriptDirection direction, CancellationToken cancellationToken = default) =>
            throw Down();

        public Task<ConversationPage> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default) =>
            throw Down();

        public Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default) =>
            throw Down();

        public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);
    }

    protected override ITranscriptStore TranscriptStore { get; } = new DownStore();
}

/// <summary>A service whose token-signing metadata cannot be fetched (the stand-in has no such path).</summary>
public sealed class KeysDownBotHost() : BotHost(withAppId: true)
{
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["BotFramework:OpenIdMetadataUrl"] = Azure.BaseUrl + "/missing/openid";
}

public sealed class StoreDownTests(StoreDownBotHost host) : IClassFixture<StoreDownBotHost>
{
    [Fact]
    public async Task Post_StoreUnavailable_Returns503WithRetryAfterAndSendsNothing()
    {
        var activity = host.Message("hello");
        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("ServiceUnavailable", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Azure.CallsFor(activity["conversation"]!["id"]!.GetValue<string>()));
    }
}

public sealed class KeysDownTests(KeysDownBotHost host) : IClassFixture<KeysDownBotHost>
{
    [Fact]
    public async Task Post_SigningKeysUnreachable_Returns503NotAnError500()
    {
        var response = await host.PostAsync(host.Message("hello"), host.Azure.Keys.ChannelToken(host.Azure.ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
