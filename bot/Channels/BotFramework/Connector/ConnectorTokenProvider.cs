using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.BotFramework.Connector;

/// <summary>
/// Obtains the bot's Connector access token (client-credentials grant) and caches it until shortly before
/// it expires; one request at a time refreshes it. Null when no app id is configured (Emulator local mode).
/// </summary>
public sealed partial class ConnectorTokenProvider(
    IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, TimeProvider clock, ILogger<ConnectorTokenProvider> logger)
{
    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _token;

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.AuthenticationEnabled) return null;
        if (_token is { } fresh && clock.GetUtcNow() < fresh.RefreshAt) return fresh.Value;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } current && clock.GetUtcNow() < current.RefreshAt) return current.Value;
            try
            {
                _token = await RequestAsync(cancellationToken);
            }
            catch (Exception ex) when (_token is { } old && clock.GetUtcNow() < old.ExpiresAt && ex is not OperationCanceledException)
            {
                LogRefreshFailed(ex); // the old token is still valid: keep using it and retry on the next send
            }
            return _token!.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<CachedToken> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = httpClientFactory.CreateClient(BotFrameworkRegistration.LoginClient);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.MicrosoftAppId,
            ["client_secret"] = settings.MicrosoftAppPassword,
            ["scope"] = settings.ToChannelFromBotOAuthScope,
        });
        using var response = await http.PostAsync(settings.TokenEndpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ConnectorException($"The token endpoint answered {(int)response.StatusCode}.", (int)response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = json.RootElement;
        var accessToken = root.TryGetProperty("access_token", out var t) ? t.GetString() : null;
        if (string.IsNullOrEmpty(accessToken)) throw new ConnectorException("The token endpoint returned no access_token.", 0);
        var lifetime = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600);
        var now = clock.GetUtcNow();
        // Refresh 5 minutes early (or at half-life for short-lived tokens) so no send carries an expiring token.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 2));
        LogTokenObtained(lifetime.TotalSeconds);
        return new CachedToken(accessToken, now + lifetime - margin, now + lifetime);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Obtained a Connector access token valid for {Seconds} s")]
    private partial void LogTokenObtained(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the Connector access token; using the current one until it expires")]
    private partial void LogRefreshFailed(Exception ex);
}
