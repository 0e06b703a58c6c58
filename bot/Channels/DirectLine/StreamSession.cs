using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using ChatService.Channels.Protocol;
using Microsoft.Extensions.Options;

namespace ChatService.Channels.DirectLine;

/// <summary>
/// One open WebSocket: replays the stream after the watermark, then pushes each new page as an ActivitySet
/// frame when the store signals an append (from any instance), with empty keep-alive frames when idle.
/// What the client sends is ignored (DirectLineJS pings with empty frames); a flooding client is cut off.
/// </summary>
public sealed partial class StreamSession(DirectLineStream stream, IOptions<DirectLineOptions> options, ILogger<StreamSession> logger)
{
    private const int MaxClientFrameBytes = 4 * 1024;

    public async Task RunAsync(WebSocket socket, string conversationId, long? after, CancellationToken cancellationToken)
    {
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = stream.Subscribe(conversationId, _ => wake.Writer.TryWrite(true));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        var receiving = ReceiveAsync(socket, status => { closeStatus = status; stop.Cancel(); }, stop.Token);
        try
        {
            var last = after;
            var replay = true;
            while (!stop.IsCancellationRequested)
            {
                // Subscribed before the first read, so an append racing the replay still wakes us: no gaps.
                last = await SendPendingAsync(socket, conversationId, last, includeTyping: !replay, stop.Token);
                replay = false;
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                idle.CancelAfter(options.Value.KeepAliveInterval);
                try
                {
                    await wake.Reader.ReadAsync(idle.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, stop.Token); // keep-alive
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // the client left or the server is stopping
        }
        await CloseAsync(socket, closeStatus);
        await stop.CancelAsync(); // a client that never answers the close must not keep the receive loop alive
        await receiving;
    }

    private async Task<long?> SendPendingAsync(WebSocket socket, string conversationId, long? last, bool includeTyping, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (activities, next) = await stream.ReadAsync(conversationId, last, includeTyping, cancellationToken);
            if (next == last) return last;
            last = next;
            if (activities.Count == 0) continue;
            var frame = JsonSerializer.SerializeToUtf8Bytes(new ActivitySet(activities, Watermark.Format(last!.Value)), ProtocolJson.Options);
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    private async Task ReceiveAsync(WebSocket socket, Action<WebSocketCloseStatus> stop, CancellationToken cancellationToken)
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

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, status == WebSocketCloseStatus.NormalClosure ? null : "Too many or too large client frames.", timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // already gone
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed a Direct Line WebSocket: the client sent {Frames} frames within a minute")]
    private partial void LogFlood(int frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed a Direct Line WebSocket: the client sent a {Bytes}-byte frame")]
    private partial void LogTooLarge(int bytes);
}
