using ChatService.Channels.Protocol;

namespace ChatService.Transcripts;

/// <summary>Which way an activity travelled, seen from the bot.</summary>
public enum TranscriptDirection
{
    Inbound,
    Outbound,
}

/// <summary>
/// The durable log of every activity. <see cref="AppendAsync"/> returns only once the activity is
/// durably stored (group-committed), so a channel may acknowledge it afterwards. Implementations mask
/// personal information through <see cref="TranscriptEntryFactory"/> before anything is written.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Creates or migrates the schema and proves the store is writable; throws with a clear message if not.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a masked copy of the activity; returns once it is durable. Throws <c>StoreUnavailableException</c> if it cannot be.</summary>
    Task AppendAsync(Activity activity, TranscriptDirection direction, CancellationToken cancellationToken = default);

    /// <summary>Conversations with activity inside the window, newest first.</summary>
    Task<ConversationPage> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default);

    /// <summary>The conversation's entries in the order they were recorded (empty if unknown).</summary>
    Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Writes and commits a probe row: true when the store accepts writes now.</summary>
    Task<bool> ProbeWritableAsync(CancellationToken cancellationToken = default);
}
