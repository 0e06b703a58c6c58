namespace ChatService.State;

/// <summary>One entry of a conversation's stream: its 0-based sequence number and its payload.</summary>
public sealed record StreamEntry(long Sequence, string Payload);

/// <summary>
/// Append-only streams (the Direct Line activity stream of each conversation), shared by all instances
/// so that any instance can serve any conversation. Sequence numbers are dense and start at 0.
/// </summary>
public interface IActivityStreamStore
{
    /// <summary>Appends a payload and returns its sequence number; refreshes the stream's expiry.</summary>
    Task<long> AppendAsync(string streamId, string payload, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Entries with a sequence number greater than <paramref name="afterSequence"/> (all when null), in order.</summary>
    Task<IReadOnlyList<StreamEntry>> ReadAfterAsync(string streamId, long? afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="onAppended"/> with the new sequence number whenever any instance appends to the stream.</summary>
    IDisposable Subscribe(string streamId, Action<long> onAppended);

    Task DeleteAsync(string streamId, CancellationToken cancellationToken = default);
}
