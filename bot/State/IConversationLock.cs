namespace ChatService.State;

/// <summary>
/// Serializes the turns of one conversation, across instances when the store is shared. The lock is a
/// lease: a holder that dies releases it when the lease runs out.
/// </summary>
public interface IConversationLock
{
    Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken = default);
}
