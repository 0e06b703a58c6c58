using Microsoft.Data.Sqlite;

namespace ChatService.Transcripts.Sqlite;

/// <summary>
/// Opens connections to transcripts.db with the durability settings, and creates or migrates the schema.
/// WAL + synchronous=FULL: every commit fsyncs the WAL, so a committed batch survives kill -9 and power loss;
/// group commit pays that fsync once per batch, not once per activity.
/// </summary>
internal sealed class SqliteTranscriptDatabase(string path)
{
    public string Path { get; } = path;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;", cancellationToken);
        return connection;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        EnsureWritableDirectory(directory);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        var version = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken));
        foreach (var (target, sql) in TranscriptSql.Migrations)
        {
            if (target <= version) continue;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, sql + $";\nPRAGMA user_version = {target};", cancellationToken, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static void EnsureWritableDirectory(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = System.IO.Path.Combine(directory, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Transcripts: the data directory '{directory}' is not writable ({ex.Message}). Set Storage:DataDirectory to a writable folder.", ex);
        }
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
