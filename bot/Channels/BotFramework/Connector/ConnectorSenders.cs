using ChatService.Channels.Protocol;
using ChatService.Pipeline;

namespace ChatService.Channels.BotFramework.Connector;

/// <summary>Makes Connector senders: for a turn whose serviceUrl was just authenticated, or for a stored reference.</summary>
public sealed class ConnectorSenders(ConnectorClient client, TrustedServiceUrls trustedServiceUrls, ILogger<ConnectorSender> logger)
    : IChannelSenderSource
{
    /// <summary>The serviceUrl came with this request (validated, or anonymous local mode).</summary>
    public IChannelSender ForTurn(string serviceUrl) => new ConnectorSender(client, trustedServiceUrls, serviceUrl, verifyTrust: false, logger);

    /// <summary>
    /// Serves stored references of every channel Azure Bot Service relays; <c>directline</c> belongs to our
    /// own Direct Line server. Trust is checked (asynchronously) on each send.
    /// </summary>
    public IChannelSender? TryResolve(ConversationReference reference)
    {
        if (reference.ChannelId == "directline" || !IsHttpUrl(reference.ServiceUrl)) return null;
        return new ConnectorSender(client, trustedServiceUrls, reference.ServiceUrl!, verifyTrust: true, logger);
    }

    internal static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
