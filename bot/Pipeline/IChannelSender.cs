using ChatService.Channels.Protocol;

namespace ChatService.Pipeline;

/// <summary>
/// How one channel delivers what a turn sends: Direct Line appends to the conversation stream,
/// the Connector POSTs to the activity's serviceUrl, expectReplies buffers for the HTTP response.
/// </summary>
public interface IChannelSender
{
    Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    Task UpdateAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken);
}

/// <summary>Finds the sender for a stored conversation reference, for proactive messages.</summary>
public interface IChannelSenderResolver
{
    /// <summary>The sender for this reference, or null when its channel or serviceUrl is not trusted.</summary>
    IChannelSender? Resolve(ConversationReference reference);
}

/// <summary>Thrown by a sender when the channel cannot update or delete activities.</summary>
public sealed class NotSupportedByChannelException(string message) : Exception(message);
