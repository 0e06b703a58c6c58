using System.Collections.Concurrent;

namespace ChatService.State;

/// <summary>Direct Line streams kept in this process (the embedded default).</summary>
public sealed class InMemoryActivityStreamStore(TimeProvider clock) : IActivityStreamStore
{
    private sealed class Stream
    {
        public readonly List<string> Entries = [];
        public DateTimeOffset ExpiresAt;
        public event Action<long>? Appended;
        public void Raise(long sequence) => Appended?.Invoke(sequence);
        public void Add(Action<long> handler) => Appended += handler;
        public void Remove(Action<long> handler) => Appended -= handler;
    }

    private readonly ConcurrentDictionary<string, Stream> _streams = new(StringComparer.Ordinal);

    public Task<long> AppendAsync(string streamId, string payload, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var stream = _streams.GetOrAdd(streamId, _ => new Stream());
        long sequence;
        lock (stream)
        {
            if (stream.ExpiresAt != default && stream.ExpiresAt <= clock.GetUtcNow()) stream.Entries.Clear();
            stream.Entries.Add(payload);
            sequence = stream.Entries.Count - 1;
            stream.ExpiresAt = clock.GetUtcNow() + timeToLive;
        }
        stream.Raise(sequence);
        return Task.FromResult(sequence);
    }

    public Task<IReadOnlyList<StreamEntry>> ReadAfterAsync(string streamId, long? afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        if (!_streams.TryGetValue(streamId, out var stream)) return Task.FromResult<IReadOnlyList<StreamEntry>>([]);
        lock (stream)
        {
            if (stream.ExpiresAt <= clock.GetUtcNow()) return Task.FromResult<IReadOnlyList<StreamEntry>>([]);
            var start = (int)Math.Max(0, (afterSequence ?? -1) + 1);
            var result = new List<StreamEntry>();
            for (var i = start; i < stream.Entries.Count && result.Count < maxCount; i++)
                result.Add(new StreamEntry(i, stream.Entries[i]));
            return Task.FromResult<IReadOnlyList<StreamEntry>>(result);
        }
    }

    public IDisposable Subscribe(string streamId, Action<long> onAppended)
    {
        var stream = _streams.GetOrAdd(streamId, _ => new Stream());
        stream.Add(onAppended);
        return new Unsubscribe(() => stream.Remove(onAppended));
    }

    public Task DeleteAsync(string streamId, CancellationToken cancellationToken = default)
    {
        _streams.TryRemove(streamId, out _);
        return Task.CompletedTask;
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
