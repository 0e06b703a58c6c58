using System.Collections.Concurrent;

namespace ChatService.State;

/// <summary>
/// Direct Line streams kept in this process (the embedded default). Subscribers are kept apart from the
/// data, so they keep hearing a stream that was deleted or expired and started again; expired streams are
/// swept so idle conversations do not stay in memory.
/// </summary>
public sealed class InMemoryActivityStreamStore(TimeProvider clock) : IActivityStreamStore
{
    private sealed class Stream
    {
        public readonly List<string> Entries = [];
        public DateTimeOffset ExpiresAt;
    }

    private readonly ConcurrentDictionary<string, Stream> _streams = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action<long>[]> _subscribers = new(StringComparer.Ordinal);
    private readonly ExpirySweep _sweep = new(clock);

    public Task<long> AppendAsync(string streamId, string payload, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        if (_sweep.IsDue()) Sweep();
        long sequence;
        while (true)
        {
            var stream = _streams.GetOrAdd(streamId, _ => new Stream());
            lock (stream)
            {
                // A stream removed by Delete or the sweep while we waited is gone: start a fresh one.
                if (!_streams.TryGetValue(streamId, out var current) || current != stream) continue;
                if (stream.ExpiresAt != default && stream.ExpiresAt <= clock.GetUtcNow()) stream.Entries.Clear();
                stream.Entries.Add(payload);
                sequence = stream.Entries.Count - 1;
                stream.ExpiresAt = clock.GetUtcNow() + timeToLive;
                break;
            }
        }
        Notify(streamId, sequence);
        return Task.FromResult(sequence);
    }

    public Task<IReadOnlyList<StreamEntry>> ReadAfterAsync(string streamId, long? afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        if (!_streams.TryGetValue(streamId, out var stream)) return Task.FromResult<IReadOnlyList<StreamEntry>>([]);
        lock (stream)
        {
            if (stream.ExpiresAt <= clock.GetUtcNow()) return Task.FromResult<IReadOnlyList<StreamEntry>>([]);
            var result = new List<StreamEntry>();
            for (var i = Math.Max(0, (afterSequence ?? -1) + 1); i < stream.Entries.Count && result.Count < maxCount; i++)
                result.Add(new StreamEntry(i, stream.Entries[(int)i]));
            return Task.FromResult<IReadOnlyList<StreamEntry>>(result);
        }
    }

    public IDisposable Subscribe(string streamId, Action<long> onAppended)
    {
        lock (_subscribers)
            _subscribers[streamId] = _subscribers.TryGetValue(streamId, out var handlers) ? [.. handlers, onAppended] : [onAppended];
        return new Unsubscribe(() =>
        {
            lock (_subscribers)
            {
                if (!_subscribers.TryGetValue(streamId, out var handlers)) return;
                var index = Array.IndexOf(handlers, onAppended);
                if (index < 0) return;
                Action<long>[] rest = [.. handlers[..index], .. handlers[(index + 1)..]];
                if (rest.Length == 0) _subscribers.TryRemove(streamId, out _);
                else _subscribers[streamId] = rest;
            }
        });
    }

    public Task DeleteAsync(string streamId, CancellationToken cancellationToken = default)
    {
        _streams.TryRemove(streamId, out _);
        return Task.CompletedTask;
    }

    private void Notify(string streamId, long sequence)
    {
        if (!_subscribers.TryGetValue(streamId, out var handlers)) return;
        // Like the Redis store: callbacks run on the thread pool, and a failing one cannot fail the append.
        foreach (var handler in handlers)
            ThreadPool.QueueUserWorkItem(state => { try { state.handler(state.sequence); } catch { /* the subscriber's own problem */ } },
                (handler, sequence), preferLocal: false);
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (streamId, stream) in _streams)
            lock (stream)
                if (stream.ExpiresAt <= now) _streams.TryRemove(new KeyValuePair<string, Stream>(streamId, stream));
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) action();
        }
    }
}
