using ChatService.Transcripts;
using ChatService.Transcripts.Masking;
using ChatService.Transcripts.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatService.Tests.Transcripts;

/// <summary>Creates SQLite transcript stores in a temporary folder that is deleted afterwards.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatservice-transcripts-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => System.IO.Path.Combine(Path, TranscriptsRegistration.DatabaseFileName);

    public async Task<SqliteTranscriptStore> OpenStoreAsync(TranscriptEncryption? encryption = null, int maxBatchSize = 256, TimeSpan? checkpointInterval = null)
    {
        var factory = new TranscriptEntryFactory(new PiiMasker(), encryption, TimeProvider.System);
        var store = new SqliteTranscriptStore(DatabasePath, factory, maxBatchSize, NullLogger<SqliteTranscriptStore>.Instance)
        {
            CheckpointInterval = checkpointInterval ?? TimeSpan.FromSeconds(1),
        };
        await store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
