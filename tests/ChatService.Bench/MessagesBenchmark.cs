using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ChatService.Bench;

/// <summary>
/// Drives N concurrent conversations through <c>POST /api/messages</c> with <c>deliveryMode: expectReplies</c>
/// (each conversation sends its next message as soon as the previous answer arrived, or paced at <c>--rate</c> turns/s
/// like a person typing, never before the previous answer arrived) and reports turns/s,
/// latency percentiles, errors and the server's peak RSS.
/// </summary>
public sealed class MessagesBenchmark(BenchOptions options)
{
    private static readonly string[] Texts = ["你好", "我要报案", "理赔进度怎么查", "How do I check my claim?", "續保繳費", "hello"];

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Conversations,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var run = Guid.NewGuid().ToString("N")[..8];
        await RunPhaseAsync(http, $"warm-{run}", options.Warmup, new LatencyReport());

        var report = new LatencyReport();
        var usage = ProcessStats.Measure(options.ServerPid);
        await RunPhaseAsync(http, run, options.Duration, report);
        report.Print("messages", options, usage.Stop());
        return 0;
    }

    private Task RunPhaseAsync(HttpClient http, string run, TimeSpan duration, LatencyReport report)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, options.Conversations)
            .Select(i => Task.Run(() => ConverseAsync(http, $"bench-{run}-{i}", deadline, report, i))));
    }

    private async Task ConverseAsync(HttpClient http, string conversationId, long deadline, LatencyReport report, int index)
    {
        var latencies = new List<long>(4096);
        var body = new ActivityBodies(conversationId, Texts);
        var pacer = new TurnPacer(options.RatePerConversation, index, options.Conversations);
        for (var turn = 0; Stopwatch.GetTimestamp() < deadline; turn++)
        {
            await pacer.WaitAsync();
            using var content = new ByteArrayContent(body.For(turn));
            content.Headers.ContentType = JsonType;
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync(MessagesPath, content);
                var answer = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK) report.Error($"http{(int)response.StatusCode}");
                else if (answer.AsSpan().IndexOf(MessageReply) < 0) report.Error("no-reply");
                else latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                report.Error(ex.GetType().Name);
            }
        }
        report.Add(latencies);
    }

    private static readonly Uri MessagesPath = new("/api/messages", UriKind.Relative);
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly byte[] MessageReply = "\"type\":\"message\""u8.ToArray();
}
