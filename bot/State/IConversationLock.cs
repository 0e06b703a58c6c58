namespace ChatService.State;

/// <summary>
/// Serializes the turns of one conversation, across instances when the store is shared. The lock is a
/// lease: a holder that dies releases it when the lease runs out.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits for the conversation's lock; dispose the result to release it (never throws on release).</summary>
    /// <exception cref="ConversationBusyException">Another turn held it for longer than <see cref="StateOptions.LockWait"/>.</exception>
    /// <exception cref="StoreUnavailableException">The configured store cannot be reached.</exception>
    Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>A turn waited <see cref="StateOptions.LockWait"/> for its conversation's lock in vain (HTTP 503, retry later).</summary>
public sealed class ConversationBusyException(string conversationId)
    : TimeoutException($"The conversation '{conversationId}' is busy.");
