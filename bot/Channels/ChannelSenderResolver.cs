using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Channels;

/// <summary>One channel's way of reaching a stored conversation (Direct Line, the Connector…).</summary>
public interface IChannelSenderSource
{
    /// <summary>A sender for the reference, or null when this source does not serve (or does not trust) it.</summary>
    IChannelSender? TryResolve(ConversationReference reference);
}

/// <summary>Asks each channel in turn which one serves a stored conversation reference.</summary>
public sealed class ChannelSenderResolver(IEnumerable<IChannelSenderSource> sources) : IChannelSenderResolver
{
    public IChannelSender? Resolve(ConversationReference reference)
    {
        foreach (var source in sources)
            if (source.TryResolve(reference) is { } sender) return sender;
        return null;
    }
}
