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
public sealed partial class StreamSession(DirectLineStream stream, ClientFrameWatcher clientFrames, IHostApplicationLifetime lifetime,
    IOptions<DirectLineOptions> options, ILogger<StreamSession> logger)
{
    public async Task RunAsync(WebSocket socket, string conversationId, long? after, CancellationToken cancellationToken)
    {
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var subscription = stream.Subscribe(conversationId, _ => wake.Writer.TryWrite(true));
        // Stopping the service closes its sockets at once ("going away"): clients reconnect, maybe to another instance.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        // The receive side gets its own token: cancelling a receive aborts the socket, which must wait until the close was sent.
        using var stopReceiving = new CancellationTokenSource();
        var receiving = clientFrames.WatchAsync(socket, status => { closeStatus = status; stop.Cancel(); }, stopReceiving.Token);
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
        catch (Exception ex)
        {
            // The response is already a WebSocket: no error body is possible. Close it; DirectLineJS reconnects with its watermark.
            LogStreamFailed(ex, conversationId);
            closeStatus = WebSocketCloseStatus.InternalServerError;
        }
        if (lifetime.ApplicationStopping.IsCancellationRequested) closeStatus = WebSocketCloseStatus.EndpointUnavailable;
        await CloseAsync(socket, closeStatus);
        // Give the client a moment to answer the close (cancelling the receive aborts the connection, and a reset can
        // destroy the close frame in flight); a client that never answers must not keep the loop alive.
        await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        await stopReceiving.CancelAsync();
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

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, status switch
            {
                WebSocketCloseStatus.NormalClosure => null,
                WebSocketCloseStatus.InternalServerError => "Stream failed; reconnect with your watermark.",
                WebSocketCloseStatus.EndpointUnavailable => "The service is restarting; reconnect with your watermark.",
                _ => "Too many or too large client frames.",
            }, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // already gone
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line stream of conversation {ConversationId} failed; closing the socket")]
    private partial void LogStreamFailed(Exception ex, string conversationId);
}
