using System.Security.Cryptography;
using ChatService.Transcripts;
using Microsoft.Data.Sqlite;

namespace ChatService.Tests.Transcripts;

public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly TempDataDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AppendAsync_ConcurrentWriters_EveryReturnedAppendIsVisibleFromASecondConnection()
    {
        await using var store = await _directory.OpenStoreAsync(maxBatchSize: 64);
        var ids = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var writers = Enumerable.Range(0, 50).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var activity = TranscriptActivities.UserMessage($"conv-{w}", $"message {i}", id: $"w{w}-m{i}");
                await store.AppendAsync(activity, TranscriptDirection.Inbound);
                // Checked the moment AppendAsync returns, through a connection the store does not own.
                Assert.True(await CountAsync(activity.Id!) == 1, $"{activity.Id} returned but is not committed");
                ids.Enqueue(activity.Id!);
            }
        }));
        await Task.WhenAll(writers);

        Assert.Equal(1000, ids.Count);
        Assert.Equal(1000L, await ScalarAsync("SELECT count(*) FROM transcript_activities"));
        Assert.Equal(1000L, await ScalarAsync("SELECT sum(activity_count) FROM transcript_conversations"));
    }

    [Fact]
    public async Task AppendAsync_TheLogIsCheckpointedIntoTheDatabaseOffTheWriter()
    {
        await using var store = await _directory.OpenStoreAsync(checkpointInterval: TimeSpan.FromMilliseconds(50));
        var before = new FileInfo(_directory.DatabasePath).Length;
        for (var i = 0; i < 200; i++)
            await store.AppendAsync(TranscriptActivities.UserMessage("conv-ckpt", new string('x', 2000) + i), TranscriptDirection.Inbound);

        // The writer's own auto-checkpoint is set far above these ~100 pages: only the checkpointer grows the database file.
        var grown = await PollAsync(() => new FileInfo(_directory.DatabasePath).Length > before + 100_000, TimeSpan.FromSeconds(30));
        Assert.True(grown, $"transcripts.db stayed at {new FileInfo(_directory.DatabasePath).Length} bytes (was {before})");
    }

    private static async Task<bool> PollAsync(Func<bool> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(50);
        }
        return true;
    }

    [Fact]
    public async Task InitializeAsync_DatabaseIsInWalModeAndMigrated()
    {
        await using var store = await _directory.OpenStoreAsync();
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
        Assert.Equal(1L, await ScalarAsync("PRAGMA user_version"));
    }

    [Fact]
    public async Task InitializeAsync_Reopened_KeepsRowsAndDoesNotRemigrate()
    {
        await using (var first = await _directory.OpenStoreAsync())
            await first.AppendAsync(TranscriptActivities.UserMessage("conv-r", "hi", id: "keep-me"), TranscriptDirection.Inbound);
        await using var second = await _directory.OpenStoreAsync();
        Assert.Single(await second.GetConversationAsync("conv-r"));
    }

    [Fact]
    public async Task InitializeAsync_DataDirectoryNotWritable_ThrowsClearMessage()
    {
        // A regular file where the directory should be: unwritable even for root, unlike chmod.
        Directory.CreateDirectory(_directory.Path);
        var blocker = Path.Combine(_directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");
        var store = new ChatService.Transcripts.Sqlite.SqliteTranscriptStore(Path.Combine(blocker, "transcripts.db"),
            new TranscriptEntryFactory(new ChatService.Transcripts.Masking.PiiMasker(), null, TimeProvider.System), 16,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ChatService.Transcripts.Sqlite.SqliteTranscriptStore>.Instance);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
        Assert.Contains("not writable", ex.Message);
        Assert.Contains("Storage:DataDirectory", ex.Message);
    }

    [Fact]
    public async Task AppendAsync_WithoutKey_StoresNoOriginal()
    {
        await using var store = await _directory.OpenStoreAsync();
        await store.AppendAsync(TranscriptActivities.UserMessage("conv-nokey", "手机13812345678"), TranscriptDirection.Inbound);
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM transcript_activities WHERE original_encrypted IS NOT NULL"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM transcript_activities WHERE activity_json LIKE '%13812345678%' OR text_masked LIKE '%13812345678%'"));
    }

    [Fact]
    public async Task AppendAsync_WithKey_StoresEncryptedOriginalThatOnlyTheKeyOpens()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var encryption = TranscriptEncryption.FromOptions(new TranscriptsOptions { EncryptionKey = key })!;
        await using var store = await _directory.OpenStoreAsync(encryption);
        await store.AppendAsync(TranscriptActivities.UserMessage("conv-key", "手机13812345678"), TranscriptDirection.Inbound);

        var entry = Assert.Single(await store.GetConversationAsync("conv-key"));
        Assert.Contains("13812345678", encryption.Decrypt(entry.EncryptedOriginal!, "conv-key"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM transcript_activities WHERE CAST(original_encrypted AS TEXT) LIKE '%13812345678%'"));
        var otherKey = TranscriptEncryption.FromOptions(new TranscriptsOptions { EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) })!;
        Assert.ThrowsAny<CryptographicException>(() => otherKey.Decrypt(entry.EncryptedOriginal!, "conv-key"));
        Assert.ThrowsAny<CryptographicException>(() => encryption.Decrypt(entry.EncryptedOriginal!, "another-conversation"));
    }

    private async Task<long> CountAsync(string activityId)
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM transcript_activities WHERE activity_id = $id";
        command.Parameters.AddWithValue("$id", activityId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
