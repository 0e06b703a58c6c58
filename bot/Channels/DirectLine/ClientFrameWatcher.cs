using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// Reads what a Direct Line client sends on its WebSocket. The protocol gives clients nothing to say there except
/// empty pings, so frames are discarded; a client sending too many or too large frames is told to stop.
/// </summary>
public sealed partial class ClientFrameWatcher(IOptions<DirectLineOptions> options, ILogger<ClientFrameWatcher> logger)
{
    private const int MaxClientFrameBytes = 4 * 1024;

    /// <summary>Runs until the client closes or misbehaves, then calls <paramref name="stop"/> with the close status to use.</summary>
    public async Task WatchAsync(WebSocket socket, Action<WebSocketCloseStatus> stop, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var windowStart = DateTime.UtcNow;
        int frames = 0, messageBytes = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    stop(WebSocketCloseStatus.NormalClosure);
                    return;
                }
                messageBytes = result.EndOfMessage ? 0 : messageBytes + result.Count;
                if (messageBytes > MaxClientFrameBytes)
                {
                    LogTooLarge(messageBytes);
                    stop(WebSocketCloseStatus.MessageTooBig);
                    return;
                }
                if (!result.EndOfMessage) continue;
                if (DateTime.UtcNow - windowStart > TimeSpan.FromMinutes(1)) (windowStart, frames) = (DateTime.UtcNow, 0);
                if (++frames > options.Value.MaxClientFramesPerMinute)
                {
                    LogFlood(frames);
                    stop(WebSocketCloseStatus.PolicyViolation);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            stop(WebSocketCloseStatus.NormalClosure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed a Direct Line WebSocket: the client sent {Frames} frames within a minute")]
    private partial void LogFlood(int frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed a Direct Line WebSocket: the client sent a {Bytes}-byte frame")]
    private partial void LogTooLarge(int bytes);
}
