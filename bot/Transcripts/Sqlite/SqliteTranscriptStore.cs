using ChatService.Channels.Protocol;
using ChatService.State;
using Microsoft.Data.Sqlite;

namespace ChatService.Transcripts.Sqlite;

/// <summary>The durable transcript store: transcripts.db in the data directory, written by one group-commit writer.</summary>
public sealed partial class SqliteTranscriptStore(string databasePath, TranscriptEntryFactory entryFactory, int maxBatchSize, ILogger<SqliteTranscriptStore> logger)
    : ITranscriptStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteTranscriptDatabase _database = new(databasePath);
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private SqliteConnection? _writerConnection;
    private GroupCommitWriter? _writer;
    private WalCheckpointer? _checkpointer;

    /// <summary>How often the WAL is copied back into the database, off the writer's commit path.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(1);

    public string DatabasePath => _database.Path;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _startGate.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not null) return;
            await _database.MigrateAsync(cancellationToken);
            _writerConnection = await _database.OpenAsync(cancellationToken);
            if (!await ProbeWritableAsync(cancellationToken))
                throw new InvalidOperationException($"Transcripts: '{_database.Path}' does not accept writes.");
            await SqliteTranscriptDatabase.ExecuteAsync(_writerConnection,
                $"PRAGMA wal_autocheckpoint = {WalCheckpointer.WriterAutoCheckpointPages};", cancellationToken);
            _writer = new GroupCommitWriter(_writerConnection, Math.Max(1, maxBatchSize), logger);
            _writer.Start();
            _checkpointer = new WalCheckpointer(_database, CheckpointInterval, logger);
            _checkpointer.Start();
            LogOpened(_database.Path);
        }
        finally
        {
            _startGate.Release();
        }
    }

    public Task AppendAsync(Activity activity, TranscriptDirection direction, CancellationToken cancellationToken = default)
    {
        var writer = _writer ?? throw new InvalidOperationException("The transcript store was not initialized.");
        return writer.EnqueueAsync(entryFactory.Create(activity, direction), cancellationToken);
    }

    public async Task<ConversationPage> ListConversationsAsync(ConversationQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = TranscriptSql.ListConversations;
        command.Parameters.AddWithValue("$from", query.From is { } from ? SqliteTranscriptRows.Time(from) : DBNull.Value);
        command.Parameters.AddWithValue("$to", query.To is { } to ? SqliteTranscriptRows.Time(to) : DBNull.Value);
        command.Parameters.AddWithValue("$channel", (object?)query.ChannelId ?? DBNull.Value);
        command.Parameters.AddWithValue("$cursor_at", query.Cursor is { } c ? SqliteTranscriptRows.Time(c.LastActivityAt) : DBNull.Value);
        command.Parameters.AddWithValue("$cursor_id", (object?)query.Cursor?.ConversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit + 1);
        var items = new List<ConversationSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) items.Add(SqliteTranscriptRows.ReadSummary(reader));
        return ConversationPaging.ToPage(items, query.Limit);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> GetConversationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = TranscriptSql.GetConversation;
        command.Parameters.AddWithValue("$conversation_id", conversationId);
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) entries.Add(SqliteTranscriptRows.ReadEntry(reader));
        return entries;
    }

    public async Task<bool> ProbeWritableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            // Its own connection, so the probe neither waits behind nor interleaves with the writer's transaction.
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = TranscriptSql.Probe;
            command.Parameters.AddWithValue("$at", SqliteTranscriptRows.Time(DateTimeOffset.UtcNow));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (SqliteException ex)
        {
            LogProbeFailed(ex, _database.Path);
            return false;
        }
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _database.OpenAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new StoreUnavailableException("The transcript store cannot be read.", ex);
        }
    }

    /// <summary>Commits what is queued, then closes. Synchronous too, since a container disposed synchronously requires it.</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _checkpointer?.Dispose();
        _writerConnection?.Dispose();
        _startGate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transcripts are stored in {Path}")]
    private partial void LogOpened(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript store {Path} did not accept a probe write")]
    private partial void LogProbeFailed(Exception ex, string path);
}
