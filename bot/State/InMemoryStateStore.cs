using System.Collections.Concurrent;

namespace ChatService.State;

/// <summary>The embedded default: state in this process, with ETags and expiry (expired entries are swept on writes).</summary>
public sealed class InMemoryStateStore(TimeProvider clock) : IStateStore
{
    private sealed record Entry(string Value, string ETag, DateTimeOffset? ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _items = new(StringComparer.Ordinal);
    private readonly ExpirySweep _sweep = new(clock);
    private long _version;

    public Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var entry = Live(key);
        return Task.FromResult(entry is null ? null : new StoreItem(entry.Value, entry.ETag));
    }

    public Task<string> WriteAsync(string key, string value, string? expectedETag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        if (_sweep.IsDue()) Sweep();
        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var next = new Entry(value, etag, timeToLive is { } ttl ? clock.GetUtcNow() + ttl : null);
        lock (_items)
        {
            var current = Live(key);
            var ok = expectedETag switch
            {
                null => true,
                "*" => current is null,
                _ => current?.ETag == expectedETag,
            };
            if (!ok) throw new ETagConflictException(key);
            _items[key] = next;
        }
        return Task.FromResult(etag);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_items) _items.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    /// <summary>Drops expired entries nobody reads any more (idle conversations).</summary>
    private void Sweep()
    {
        foreach (var key in _items.Keys) Live(key);
    }

    private Entry? Live(string key)
    {
        if (!_items.TryGetValue(key, out var entry)) return null;
        if (entry.ExpiresAt is { } at && at <= clock.GetUtcNow())
        {
            _items.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            return null;
        }
        return entry;
    }
}
