using ChatService.Bench;

// Load generator for a running ChatService. One mode per channel:
//   messages    POST /api/messages with deliveryMode expectReplies (Bot Framework channel)
//   directline  Direct Line 3.0: start a conversation, POST activities, receive the replies on the stream WebSocket
//               (DIRECTLINE_SECRET overrides the demo secret from appsettings.json)
// Example: dotnet run --project tests/ChatService.Bench -c Release -- messages --url http://127.0.0.1:5080 --conversations 200 --seconds 20 --pid 1234
var modes = new Dictionary<string, Func<BenchOptions, Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["messages"] = options => new MessagesBenchmark(options).RunAsync(),
    ["directline"] = options => new DirectLineBenchmark(options,
        Environment.GetEnvironmentVariable("DIRECTLINE_SECRET") ?? "demo-directline-secret-change-me").RunAsync(),
};

if (args.Length == 0 || !modes.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: ChatService.Bench <{string.Join("|", modes.Keys)}> [--url U] [--conversations N] [--seconds S] [--warmup S] [--pid P] [--rate TURNS_PER_SECOND_PER_CONVERSATION]");
    return 2;
}
try
{
    return await run(BenchOptions.Parse(args[1..]));
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
