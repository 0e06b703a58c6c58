using System.Collections.Concurrent;
using System.Net.Http.Json;
using ChatService.Channels.Protocol;
using Microsoft.Data.Sqlite;

namespace ChatService.Tests.Transcripts;

/// <summary>The promise "nothing acknowledged is lost", checked against the real service process and kill -9.</summary>
public sealed class ServiceKillDurabilityTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Start_RealProcess_CreatesTranscriptsDbInTheConfiguredDataDirectory()
    {
        using var service = ServiceProcess.Start(_directory.Path);
        Assert.True(await service.WaitUntilListeningAsync(TimeSpan.FromSeconds(90)), service.Output);
        Assert.True(File.Exists(_directory.DatabasePath), service.Output);
        service.KillHard();
    }

    [Fact]
    public async Task Start_DataDirectoryNotWritable_ProcessExitsWithClearMessage()
    {
        Directory.CreateDirectory(_directory.Path);
        var blocker = Path.Combine(_directory.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "x");
        using var service = ServiceProcess.Start(Path.Combine(blocker, "data"));

        await service.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, service.ExitCode);
        Assert.Contains("is not writable", service.Output);
    }

    [Fact]
    public async Task PostBurst_KilledMidway_EveryAcknowledgedActivityIsInTheStore()
    {
        using var service = ServiceProcess.Start(_directory.Path);
        Assert.True(await service.WaitUntilListeningAsync(TimeSpan.FromSeconds(90)), service.Output);
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var acknowledged = new ConcurrentBag<string>();
        var enoughAcknowledged = new TaskCompletionSource();

        var burst = Enumerable.Range(0, 600).Select(i => Task.Run(async () =>
        {
            var activity = BurstActivity(i);
            try
            {
                using var response = await http.PostAsJsonAsync("/api/messages", activity, ProtocolJson.Options);
                if (response.IsSuccessStatusCode) acknowledged.Add(activity.Id!);
                if (acknowledged.Count >= 50) enoughAcknowledged.TrySetResult();
            }
            catch (HttpRequestException) { } // the process died under this request: not acknowledged, nothing promised
            catch (TaskCanceledException) { }
        })).ToList();
        await Task.WhenAny(enoughAcknowledged.Task, Task.WhenAll(burst), Task.Delay(TimeSpan.FromSeconds(60)));
        service.KillHard(); // mid-burst: later requests are in flight or not yet sent
        await Task.WhenAll(burst);

        Assert.NotEmpty(acknowledged);
        var stored = await StoredInboundAsync();
        var missing = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged activities are missing: {string.Join(", ", missing.Take(10))}");
    }

    private static Activity BurstActivity(int i) => new()
    {
        Type = ActivityTypes.Message,
        Id = $"kill-{i}-{Guid.NewGuid():N}",
        ChannelId = "emulator",
        ServiceUrl = "http://127.0.0.1:1/",
        DeliveryMode = "expectReplies",
        Timestamp = DateTimeOffset.UtcNow,
        Conversation = new ConversationAccount { Id = $"kill-conv-{i % 100}" },
        From = new ChannelAccount { Id = $"user-{i % 100}", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot },
        Text = $"burst message {i}",
        Locale = "zh-CN",
    };

    private async Task<HashSet<string>> StoredInboundAsync()
    {
        // A fresh connection after the kill: SQLite recovers the WAL, as the next start of the service would.
        await using var connection = new SqliteConnection($"Data Source={_directory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT activity_id, text_masked FROM transcript_activities WHERE direction = 'inbound'";
        var ids = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (reader.GetString(1).StartsWith("burst message ", StringComparison.Ordinal)) ids.Add(reader.GetString(0));
        return ids;
    }
}
