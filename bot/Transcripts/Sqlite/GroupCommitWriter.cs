using System.Threading.Channels;
using ChatService.State;
using Microsoft.Data.Sqlite;

namespace ChatService.Transcripts.Sqlite;

/// <summary>
/// The single writer of transcripts.db. Appends queue up while a commit is in flight; the writer takes all
/// that are waiting (up to a batch limit), writes them in one transaction, commits (one fsync), and only
/// then completes each caller's task. A dedicated thread, because SQLite calls block and a thread-pool thread
/// stuck in fsync would slow every turn on a 2-core machine.
/// </summary>
internal sealed partial class GroupCommitWriter(SqliteConnection connection, int maxBatchSize, ILogger logger) : IDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private Thread? _thread;

    private sealed record PendingAppend(TranscriptEntry Entry, TaskCompletionSource Completion);

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "transcript-writer" };
        _thread.Start();
    }

    /// <summary>Completes once the entry is committed. Cancelling stops the wait, not the write.</summary>
    public Task EnqueueAsync(TranscriptEntry entry, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            return Task.FromException(new StoreUnavailableException("The transcript store is shut down."));
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private void Run()
    {
        using var insert = Prepare(TranscriptSql.InsertActivity, SqliteTranscriptRows.ActivityParameters);
        using var upsert = Prepare(TranscriptSql.UpsertConversation, SqliteTranscriptRows.ConversationParameters);
        var batch = new List<PendingAppend>(maxBatchSize);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < maxBatchSize && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                using (var transaction = connection.BeginTransaction())
                {
                    insert.Transaction = upsert.Transaction = transaction;
                    foreach (var pending in batch)
                    {
                        SqliteTranscriptRows.BindActivity(insert, pending.Entry);
                        insert.ExecuteNonQuery();
                        SqliteTranscriptRows.BindConversation(upsert, pending.Entry);
                        upsert.ExecuteNonQuery();
                    }
                    transaction.Commit();
                }
                foreach (var pending in batch) pending.Completion.TrySetResult();
            }
            catch (Exception ex)
            {
                LogCommitFailed(ex, batch.Count);
                var error = new StoreUnavailableException("The transcript store could not commit.", ex);
                foreach (var pending in batch) pending.Completion.TrySetException(error);
            }
        }
    }

    private SqliteCommand Prepare(string sql, string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames) command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    /// <summary>Stops taking appends, commits what is queued, and waits for the writer to finish.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread?.Join();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcript commit of {Count} activities failed; their appends report the store unavailable")]
    private partial void LogCommitFailed(Exception ex, int count);
}
