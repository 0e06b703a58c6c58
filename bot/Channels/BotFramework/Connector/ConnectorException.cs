namespace ChatService.Channels.BotFramework.Connector;

/// <summary>A Connector call (or the token request before it) failed; <see cref="StatusCode"/> is 0 when no HTTP answer came.</summary>
public sealed class ConnectorException(string message, int statusCode, Exception? inner = null) : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;
}
