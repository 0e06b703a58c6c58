using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.WebChat;

/// <summary>
/// A fixed one-minute window per client address for the page's token endpoint, so a script cannot mint
/// conversations in bulk. Per instance: behind a load balancer the effective limit is per instance.
/// </summary>
public sealed class TokenRequestLimiter(IOptions<WebChatOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (long Window, int Count)> _windows = new(StringComparer.Ordinal);

    /// <summary>True when the request may proceed; otherwise <paramref name="retryAfterSeconds"/> says when.</summary>
    public bool TryAcquire(string clientKey, out int retryAfterSeconds)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var window = now / 60;
        retryAfterSeconds = (int)(60 - now % 60);
        if (_windows.Count > 10_000) Prune(window);
        var entry = _windows.AddOrUpdate(clientKey, _ => (window, 1), (_, e) => e.Window == window ? (window, e.Count + 1) : (window, 1));
        return entry.Count <= options.Value.TokenRequestsPerMinute;
    }

    private void Prune(long window)
    {
        foreach (var (key, value) in _windows)
            if (value.Window != window) _windows.TryRemove(key, out _);
    }
}
