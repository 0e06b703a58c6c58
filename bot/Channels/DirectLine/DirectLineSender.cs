using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Channels.DirectLine;

/// <summary>Delivers what a turn sends to a Direct Line conversation: appended to its stream, pushed to its WebSockets.</summary>
public sealed class DirectLineSender(string conversationId, DirectLineStream stream, DirectLineConversationStore conversations,
    TimeProvider clock, bool verifyConversation) : IChannelSender
{
    private bool _verified = !verifyConversation;

    public async Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (!_verified)
        {
            // Proactive sends name a conversation from a stored reference: refuse to create streams for unknown ones.
            if (await conversations.FindAsync(conversationId, cancellationToken) is null)
                throw new InvalidOperationException($"Direct Line conversation '{conversationId}' does not exist (expired?).");
            _verified = true;
        }
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.Type is ActivityTypes.Trace or ActivityTypes.ConversationUpdate)
            {
                responses[i] = new ResourceResponse(""); // never shown to Direct Line clients
                continue;
            }
            activity.ChannelId = DirectLineChannel.Id;
            activity.Conversation = new ConversationAccount { Id = conversationId };
            activity.From ??= new ChannelAccount();
            activity.From.Role = RoleTypes.Bot; // Web Chat decides bubble side and suggested actions by role
            activity.Timestamp = clock.GetUtcNow();
            // Web Chat holds a reply to an activity it has not seen; the conversationUpdate is never shown.
            if (activity.ReplyToId == DirectLineConversations.StartActivityId(conversationId)) activity.ReplyToId = null;
            responses[i] = new ResourceResponse(await stream.AppendAsync(conversationId, activity, cancellationToken));
        }
        return responses;
    }

    public Task UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedByChannelException("Direct Line does not support updating activities.");

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedByChannelException("Direct Line does not support deleting activities.");
}
