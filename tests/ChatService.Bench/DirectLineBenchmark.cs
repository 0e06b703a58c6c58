using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChatService.Bench;

/// <summary>
/// Drives N concurrent Direct Line conversations: start with the secret, open the stream WebSocket, then POST
/// messages (closed loop, or paced at <c>--rate</c>); a turn's latency runs from its POST to the bot's reply
/// (<c>replyToId</c> = the posted id) arriving on the socket. The server needs per-IP and per-conversation
/// rate limits raised (<c>Operations__RateLimits__PerIp__PermitLimit</c>, <c>…PerConversation__PermitLimit</c>).
/// </summary>
public sealed class DirectLineBenchmark(BenchOptions options, string secret)
{
    private static readonly string[] Texts = ["你好", "我要报案", "理赔进度怎么查", "How do I check my claim?", "續保繳費", "hello"];
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Conversations, UseProxy = false, UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
        var warmup = new LatencyReport();
        await RunPhaseAsync(http, options.Warmup, warmup);
        var report = new LatencyReport();
        var usage = ProcessStats.Measure(options.ServerPid);
        await RunPhaseAsync(http, options.Duration, report);
        report.Print("directline", options, usage.Stop());
        return 0;
    }

    private Task RunPhaseAsync(HttpClient http, TimeSpan duration, LatencyReport report)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(i => Task.Run(() => ConverseAsync(http, deadline, report, i))));
    }

    private async Task ConverseAsync(HttpClient http, long deadline, LatencyReport report, int index)
    {
        string conversationId, token, streamUrl;
        try
        {
            (conversationId, token, streamUrl) = await StartAsync(http);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            report.Error("start-" + ex.GetType().Name);
            return;
        }
        using var socket = new ClientWebSocket();
        using var stop = new CancellationTokenSource();
        var replies = new ReplyWaiter();
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), stop.Token);
        }
        catch (WebSocketException)
        {
            report.Error("ws-connect");
            return;
        }
        var receiving = ReceiveAsync(socket, replies, stop.Token);
        var latencies = new List<long>(1024);
        var path = new Uri($"/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities", UriKind.Relative);
        var authorization = new AuthenticationHeaderValue("Bearer", token);
        var pacer = new TurnPacer(options.RatePerConversation, index, options.Conversations);
        for (var turn = 0; Stopwatch.GetTimestamp() < deadline; turn++)
        {
            await pacer.WaitAsync();
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Body(turn)) };
                request.Content.Headers.ContentType = JsonType;
                request.Headers.Authorization = authorization;
                using var response = await http.SendAsync(request);
                var answer = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) { report.Error($"http{(int)response.StatusCode}"); continue; }
                var id = JsonDocument.Parse(answer).RootElement.GetProperty("id").GetString()!;
                if (await replies.WaitAsync(id, TimeSpan.FromSeconds(30))) latencies.Add(Stopwatch.GetTimestamp() - start);
                else report.Error("no-reply");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                report.Error(ex.GetType().Name);
            }
        }
        report.Add(latencies);
        await stop.CancelAsync();
        try { await receiving; } catch (OperationCanceledException) { }
        if (socket.State == WebSocketState.Open)
            try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None); } catch (WebSocketException) { }
    }

    private async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = new StringContent("{\"locale\":\"zh-CN\"}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            throw new InvalidOperationException($"start answered {(int)response.StatusCode}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var root = document.RootElement;
        return (root.GetProperty("conversationId").GetString()!, root.GetProperty("token").GetString()!, root.GetProperty("streamUrl").GetString()!);
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, ReplyWaiter replies, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var frame = new MemoryStream();
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (WebSocketException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close) return;
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            if (frame.Length > 0)
            {
                using var document = JsonDocument.Parse(frame.GetBuffer().AsMemory(0, (int)frame.Length));
                foreach (var activity in document.RootElement.GetProperty("activities").EnumerateArray())
                    if (activity.TryGetProperty("type", out var type) && type.ValueEquals("message")
                        && activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() is { } id)
                        replies.Replied(id);
            }
            frame.SetLength(0);
        }
    }

    private static byte[] Body(int turn) => Encoding.UTF8.GetBytes(
        $$"""{"type":"message","from":{"id":"bench"},"text":{{JsonSerializer.Serialize(Texts[turn % Texts.Length])}}}""");

    /// <summary>Matches replies to posts; a reply can arrive on the socket before its POST has returned the id.</summary>
    private sealed class ReplyWaiter
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

        public void Replied(string activityId) => Get(activityId).TrySetResult();

        public async Task<bool> WaitAsync(string activityId, TimeSpan timeout)
        {
            var completion = Get(activityId);
            try
            {
                await completion.Task.WaitAsync(timeout);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
            finally
            {
                _waiting.TryRemove(activityId, out _);
            }
        }

        private TaskCompletionSource Get(string activityId) =>
            _waiting.GetOrAdd(activityId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
