using Microsoft.Data.Sqlite;

namespace ChatService.Transcripts.Sqlite;

/// <summary>
/// Copies transcripts.db's write-ahead log back into the database from its own connection and thread, every
/// <c>interval</c>. SQLite would otherwise checkpoint inside whichever commit crosses 1,000 WAL pages: under load
/// that is a commit every few seconds that takes many times longer, and every turn waiting on it sees the spike.
/// PASSIVE never blocks the writer; the writer keeps a far higher auto-checkpoint as a fallback (see
/// <see cref="WriterAutoCheckpointPages"/>) so the WAL stays bounded even if this thread falls behind.
/// </summary>
internal sealed partial class WalCheckpointer(SqliteTranscriptDatabase database, TimeSpan interval, ILogger logger) : IDisposable
{
    public const int WriterAutoCheckpointPages = 20_000;

    private readonly ManualResetEventSlim _stop = new();
    private Thread? _thread;

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "transcript-checkpoint" };
        _thread.Start();
    }

    private void Run()
    {
        SqliteConnection? connection = null;
        try
        {
            while (!_stop.Wait(interval))
            {
                try
                {
                    connection ??= database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    command.ExecuteNonQuery();
                }
                catch (SqliteException ex)
                {
                    LogCheckpointFailed(ex);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread?.Join();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript WAL checkpoint failed; the writer's own auto-checkpoint still bounds the log")]
    private partial void LogCheckpointFailed(Exception ex);
}
