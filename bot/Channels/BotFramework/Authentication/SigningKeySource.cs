using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;

namespace ChatService.Channels.BotFramework.Authentication;

/// <summary>Which token issuer a key set belongs to.</summary>
public enum TokenIssuerKind
{
    Channel,
    Emulator,
}

/// <summary>
/// The signing keys of the channel issuer and of Entra ID (Emulator), fetched from their OpenID metadata and
/// cached. Keys are refreshed daily (the docs ask for at least every 24 h) and on demand when a token names
/// a key id we have not seen, throttled to once a minute.
/// </summary>
public sealed class SigningKeySource
{
    private readonly ConfigurationManager<SigningKeySet> _channel;
    private readonly ConfigurationManager<SigningKeySet> _emulator;

    public SigningKeySource(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory)
    {
        var http = httpClientFactory.CreateClient(BotFrameworkRegistration.MetadataClient);
        _channel = Create(options.Value.OpenIdMetadataUrl, http);
        _emulator = Create(options.Value.EmulatorOpenIdMetadataUrl, http);
    }

    public async Task<SigningKeySet> GetAsync(TokenIssuerKind issuer, string? keyId, CancellationToken cancellationToken)
    {
        var manager = issuer == TokenIssuerKind.Channel ? _channel : _emulator;
        try
        {
            var keys = await manager.GetConfigurationAsync(cancellationToken);
            if (keys.HasKey(keyId)) return keys;
            manager.RequestRefresh(); // a new key may have appeared since the last fetch
            return await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new SigningKeysUnavailableException(manager.MetadataAddress, ex);
        }
    }

    private static ConfigurationManager<SigningKeySet> Create(string metadataUrl, HttpClient http)
    {
        // Metadata must come over HTTPS, except from a loopback stand-in (tests, local tooling).
        var loopback = Uri.TryCreate(metadataUrl, UriKind.Absolute, out var uri) && uri.IsLoopback;
        var documents = new HttpDocumentRetriever(http) { RequireHttps = !loopback };
        return new ConfigurationManager<SigningKeySet>(metadataUrl, new SigningKeySetRetriever(), documents)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
    }
}

/// <summary>The issuer's metadata or keys cannot be fetched and none are cached: tokens cannot be checked now (HTTP 503).</summary>
public sealed class SigningKeysUnavailableException(string metadataAddress, Exception inner)
    : Exception($"The signing keys at '{metadataAddress}' cannot be fetched.", inner);
