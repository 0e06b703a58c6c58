using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatService.Transcripts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatService.Tests.Channels.BotFramework;

/// <summary>
/// The real service on a real Kestrel loopback port, configured against <see cref="AzureStandIn"/>.
/// With <c>withAppId</c> false it runs in local-development mode (no authentication).
/// </summary>
public abstract class BotHost : IAsyncLifetime
{
    private readonly bool _withAppId;
    private WebApplicationFactory<Program>? _factory;

    protected BotHost(bool withAppId) => _withAppId = withAppId;

    public AzureStandIn Azure { get; } = new();

    public InMemoryTranscriptStore Transcripts { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        await Azure.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["BotFramework:MicrosoftAppId"] = _withAppId ? TestKeys.AppId : "",
            ["BotFramework:MicrosoftAppPassword"] = _withAppId ? TestKeys.AppPassword : "",
            ["BotFramework:OpenIdMetadataUrl"] = Azure.BaseUrl + "/botframework/openid",
            ["BotFramework:EmulatorOpenIdMetadataUrl"] = Azure.BaseUrl + "/aad/openid",
            ["BotFramework:ToChannelFromBotLoginUrl"] = Azure.BaseUrl + "/token",
            // Turns here are fast; a slow CI machine must not add "typing" activities to what the tests count.
            ["Pipeline:TypingDelay"] = "00:10:00",
        };
        Configure(settings);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.ConfigureTestServices(services => services.AddSingleton(TranscriptStore));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        Client = _factory.CreateClient();
    }

    /// <summary>Changes the service's settings before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>The transcript store the service uses (the recording in-memory one unless a test host breaks it).</summary>
    protected virtual ITranscriptStore TranscriptStore => Transcripts;

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Azure.DisposeAsync();
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null) =>
        PostRawAsync(activity.ToJsonString(Wire), token);

    // Channels send raw UTF-8 (no \uXXXX escapes), which is what the body limit is sized for.
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token = null, string scheme = "Bearer")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        return Client.SendAsync(request);
    }

    /// <summary>A user message from a channel, addressed to the bot, in a fresh conversation.</summary>
    public JsonObject Message(string text, string channelId = "webchat", string? deliveryMode = null) => new()
    {
        ["type"] = "message",
        ["id"] = "act|0000001",
        ["timestamp"] = "2026-01-10T09:15:02.123Z",
        ["serviceUrl"] = Azure.ServiceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Ada", ["role"] = "user" },
        ["conversation"] = new JsonObject { ["id"] = $"conv|{Guid.NewGuid():N}" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
        ["locale"] = "en-US",
        ["text"] = text,
        ["deliveryMode"] = deliveryMode,
    };
}

public sealed class AuthenticatedBotHost() : BotHost(withAppId: true);

public sealed class AnonymousBotHost() : BotHost(withAppId: false);
