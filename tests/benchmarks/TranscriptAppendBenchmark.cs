#:project ../../bot/ChatService.csproj
#:property PublishAot=false
// Appends/s of the SQLite transcript store (WAL, synchronous=FULL, group commit) with N concurrent writers.
// Run: dotnet run -c Release tests/benchmarks/TranscriptAppendBenchmark.cs -- [writers=200] [seconds=10] [maxBatch=256]
using Stopwatch = System.Diagnostics.Stopwatch;
using ChatService.Channels.Protocol;
using ChatService.Transcripts;
using ChatService.Transcripts.Masking;
using ChatService.Transcripts.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

var writers = args.Length > 0 ? int.Parse(args[0]) : 200;
var seconds = args.Length > 1 ? double.Parse(args[1]) : 10;
var maxBatch = args.Length > 2 ? int.Parse(args[2]) : 256;
var directory = Path.Combine(Path.GetTempPath(), "transcript-bench-" + Guid.NewGuid().ToString("N"));
var factory = new TranscriptEntryFactory(new PiiMasker(), null, TimeProvider.System);
var store = new SqliteTranscriptStore(Path.Combine(directory, "transcripts.db"), factory, maxBatch, NullLogger<SqliteTranscriptStore>.Instance);
await store.InitializeAsync();

var latencies = new List<double>[writers];
var stop = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(seconds);
var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
{
    var mine = latencies[w] = [];
    for (var i = 0; stop.Elapsed < deadline; i++)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Id = $"{w}-{i}", ChannelId = "emulator", Timestamp = DateTimeOffset.UtcNow,
            Conversation = new ConversationAccount { Id = $"bench-{w}" }, From = new ChannelAccount { Id = $"user-{w}" },
            Text = $"我的保单P1234{i % 10000:0000}理赔进度怎么样？手机13812345678",
        };
        var started = Stopwatch.GetTimestamp();
        await store.AppendAsync(activity, TranscriptDirection.Inbound);
        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
})).ToArray();
await Task.WhenAll(tasks);
var elapsed = stop.Elapsed.TotalSeconds;
await store.DisposeAsync();

var all = latencies.SelectMany(l => l).Order().ToArray();
double P(double q) => all[(int)Math.Min(all.Length - 1, q * all.Length)];
Console.WriteLine($"writers={writers} maxBatch={maxBatch} appends={all.Length} seconds={elapsed:F1}");
Console.WriteLine($"appends/s={all.Length / elapsed:F0}  latency ms p50={P(0.5):F1} p95={P(0.95):F1} p99={P(0.99):F1} max={all[^1]:F1}");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(directory, recursive: true);
