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
/// durably stored (group-committed), so a channel may acknowledge it afterwards.
/// </summary>
public interface ITranscriptStore
{
    Task AppendAsync(Activity activity, TranscriptDirection direction, CancellationToken cancellationToken = default);
}
