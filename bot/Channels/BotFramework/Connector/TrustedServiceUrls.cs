using System.Collections.Concurrent;
using System.Globalization;
using ChatService.State;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.BotFramework.Connector;

/// <summary>
/// The serviceUrls that arrived together with a validated channel token. Only these receive the bot's
/// Connector token on proactive sends, so a forged conversation reference cannot make the bot hand its
/// token to another host. Kept in the shared state store (every instance sees them) with a local cache.
/// Without an app id no token is ever sent, so every serviceUrl is trusted.
/// </summary>
public sealed class TrustedServiceUrls(IStateStore store, IOptions<BotFrameworkOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromDays(30);
    private static readonly TimeSpan RenewAfter = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _known = new(StringComparer.Ordinal);

    /// <summary>Records a serviceUrl that came with a validated token (renewing its expiry at most hourly).</summary>
    public async Task TrustAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var normalized = Normalize(serviceUrl);
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(normalized, out var since) && now - since < RenewAfter) return;
        await store.WriteAsync(StateKeys.TrustedServiceUrl(normalized), now.ToString("O", CultureInfo.InvariantCulture), null, TimeToLive, cancellationToken);
        _known[normalized] = now;
    }

    public async ValueTask<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        if (!options.Value.AuthenticationEnabled) return true;
        var normalized = Normalize(serviceUrl);
        if (_known.ContainsKey(normalized)) return true;
        if (await store.ReadAsync(StateKeys.TrustedServiceUrl(normalized), cancellationToken) is null) return false;
        _known.TryAdd(normalized, DateTimeOffset.MinValue); // known, but let the next validated request renew it
        return true;
    }

    // serviceUrls are compared case-insensitively by the protocol; a trailing slash does not make another service.
    private static string Normalize(string serviceUrl) => serviceUrl.TrimEnd('/').ToLowerInvariant();
}
