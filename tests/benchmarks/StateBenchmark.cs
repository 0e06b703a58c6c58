// The State room's numbers: latency of state reads/writes, turn-lock acquire/release and hand-over
// between two instances, and stream appends, in memory and on a real redis-server it starts itself.
// Run: dotnet run tests/benchmarks/StateBenchmark.cs   (needs redis-server on PATH; uses a free port)
#:project ../../bot/ChatService.csproj
#:property NoWarn=NU1603
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatService.State;
using ChatService.State.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

const int Operations = 2000;
var port = FreePort();
using var redisProcess = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --loglevel warning") { RedirectStandardOutput = true })!;
try
{
    var options = Options.Create(new StateOptions { LockLease = TimeSpan.FromSeconds(10), LockWait = TimeSpan.FromSeconds(30) });
    RedisConnection Connect()
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = new RedisConnection($"127.0.0.1:{port}", NullLogger<RedisConnection>.Instance);
            if (connection.IsConnected || attempt > 50) return connection;
            connection.Dispose();
            Thread.Sleep(100);
        }
    }
    using var a = Connect();
    using var b = Connect();
    var memoryLock = new InMemoryConversationLock(options);
    Console.WriteLine($"{"operation",-44} {"p50 µs",9} {"p99 µs",9} {"ops/s",9}");

    await Measure("state write+read, in memory", new InMemoryStateStore(TimeProvider.System), ReadModifyWrite);
    await Measure("state write+read, redis", new RedisStateStore(a), ReadModifyWrite);
    await Measure("lock acquire+release, in memory", memoryLock, AcquireRelease);
    await Measure("lock acquire+release, redis", new RedisConversationLock(a, options, NullLogger<RedisConversationLock>.Instance), AcquireRelease);
    await Measure("stream append, redis", new RedisActivityStreamStore(a, new RedisStreamNotifications(a, NullLogger<RedisStreamNotifications>.Instance)),
        (streams, i) => streams.AppendAsync("bench-stream", $"activity {i}", TimeSpan.FromMinutes(5)));
    await HandOver(new RedisConversationLock(a, options, NullLogger<RedisConversationLock>.Instance), new RedisConversationLock(b, options, NullLogger<RedisConversationLock>.Instance));
}
finally
{
    redisProcess.Kill();
}

static async Task ReadModifyWrite(IStateStore store, int i)
{
    var item = await store.ReadAsync("bench");
    await store.WriteAsync("bench", i.ToString(), item?.ETag, TimeSpan.FromMinutes(5));
}

static async Task AcquireRelease(IConversationLock conversationLock, int i)
{
    await using var held = await conversationLock.AcquireAsync("bench");
}

static async Task Measure<T>(string name, T subject, Func<T, int, Task> operation)
{
    for (var i = 0; i < 200; i++) await operation(subject, i); // warm-up
    var samples = new double[Operations];
    var total = Stopwatch.StartNew();
    for (var i = 0; i < Operations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await operation(subject, i);
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }
    total.Stop();
    Array.Sort(samples);
    Console.WriteLine($"{name,-44} {samples[Operations / 2],9:0} {samples[Operations * 99 / 100],9:0} {Operations / total.Elapsed.TotalSeconds,9:0}");
}

// Two instances take turns on one conversation: how long the waiting instance needs after the release.
static async Task HandOver(IConversationLock first, IConversationLock second)
{
    const int Rounds = 100;
    var samples = new double[Rounds];
    for (var i = 0; i < Rounds; i++)
    {
        var held = await first.AcquireAsync("bench-handover");
        var waiting = Task.Run(async () => { var lease = await second.AcquireAsync("bench-handover"); var at = Stopwatch.GetTimestamp(); await lease.DisposeAsync(); return at; });
        await Task.Delay(20);
        var released = Stopwatch.GetTimestamp();
        await held.DisposeAsync();
        samples[i] = Stopwatch.GetElapsedTime(released, await waiting).TotalMicroseconds;
    }
    Array.Sort(samples);
    Console.WriteLine($"{"lock hand-over between two redis instances",-44} {samples[Rounds / 2],9:0} {samples[Rounds * 99 / 100],9:0} {"",9}");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
