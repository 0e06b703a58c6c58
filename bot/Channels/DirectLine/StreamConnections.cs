using System.Collections.Concurrent;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Counts this instance's open WebSockets per conversation. Direct Line expects one socket per conversation; a
/// few are allowed (a reconnect may overlap the old socket's close), more are refused so one token cannot pile up sockets.
/// </summary>
public sealed class StreamConnections
{
    public const int MaxPerConversation = 4;

    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A lease to dispose when the socket ends, or null when the conversation has too many open.</summary>
    public IDisposable? TryOpen(string conversationId)
    {
        var count = _open.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        if (count <= MaxPerConversation) return new Lease(this, conversationId);
        Close(conversationId);
        return null;
    }

    private void Close(string conversationId)
    {
        if (_open.AddOrUpdate(conversationId, 0, (_, n) => n - 1) <= 0)
            _open.TryRemove(new KeyValuePair<string, int>(conversationId, 0));
    }

    private sealed class Lease(StreamConnections owner, string conversationId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Close(conversationId);
        }
    }
}
