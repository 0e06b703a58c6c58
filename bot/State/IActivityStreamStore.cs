namespace ChatService.State;

/// <summary>One entry of a conversation's stream: its 0-based sequence number and its payload.</summary>
public sealed record StreamEntry(long Sequence, string Payload);

/// <summary>
/// Append-only streams (the Direct Line activity stream of each conversation), shared by all instances
/// so that any instance can serve any conversation. Sequence numbers are dense and start at 0; a stream
/// that expired or was deleted starts again at 0. Any method throws <see cref="StoreUnavailableException"/>
/// when the configured store cannot be reached.
/// </summary>
public interface IActivityStreamStore
{
    /// <summary>Appends a payload and returns its sequence number; refreshes the stream's expiry.</summary>
    Task<long> AppendAsync(string streamId, string payload, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Entries with a sequence number greater than <paramref name="afterSequence"/> (all when null), in order.</summary>
    Task<IReadOnlyList<StreamEntry>> ReadAfterAsync(string streamId, long? afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="onAppended"/> (on the thread pool) with the new sequence number whenever any instance
    /// appends to the stream, from the moment this returns until the result is disposed. Notifications are
    /// hints: one may be lost while the store is unreachable, so readers catch up with <see cref="ReadAfterAsync"/>.
    /// </summary>
    IDisposable Subscribe(string streamId, Action<long> onAppended);

    Task DeleteAsync(string streamId, CancellationToken cancellationToken = default);
}
