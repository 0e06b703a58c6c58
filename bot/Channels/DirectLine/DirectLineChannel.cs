using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Channels.DirectLine;

/// <summary>The Direct Line channel: its id, and the senders for live turns and proactive sends.</summary>
public sealed class DirectLineChannel(DirectLineStream stream, DirectLineConversationStore conversations, TimeProvider clock) : IChannelSenderSource
{
    public const string Id = "directline";

    /// <summary>The sender for a turn started by a request on this conversation (already known to exist).</summary>
    public IChannelSender SenderFor(string conversationId) =>
        new DirectLineSender(conversationId, stream, conversations, clock, verifyConversation: false);

    public IChannelSender? TryResolve(ConversationReference reference)
    {
        if (!string.Equals(reference.ChannelId, Id, StringComparison.Ordinal)) return null;
        var conversationId = reference.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId)) return null;
        return new DirectLineSender(conversationId, stream, conversations, clock, verifyConversation: true);
    }
}
