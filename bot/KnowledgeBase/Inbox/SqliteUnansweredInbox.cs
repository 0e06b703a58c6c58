using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChatService.KnowledgeBase.Inbox;

/// <summary>
/// The inbox in the knowledge base's SQLite file (its own table, WAL). A write sits on the turn's path (about one turn
/// in six records something), so its connections commit with synchronous=NORMAL: no fsync per row, still atomic and
/// consistent; a power cut may lose the last rows, which the transcripts still hold.
/// </summary>
public sealed class SqliteUnansweredInbox(string path) : IUnansweredInbox
{
    private const int MaxQuestionLength = 500;
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public async Task RecordAsync(string question, string language, string kind, string? entryId = null, string? conversationId = null, CancellationToken cancellationToken = default)
    {
        if (!InboxKinds.All.Contains(kind)) throw new ArgumentException($"unknown inbox kind '{kind}'", nameof(kind));
        var text = question.Trim();
        if (text.Length == 0) return;
        if (text.Length > MaxQuestionLength) text = text[..MaxQuestionLength];
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO inbox (question, language, kind, entry_id, conversation_id, at) VALUES ($q, $lang, $kind, $entry, $conv, $at)";
        command.Parameters.AddWithValue("$q", text);
        command.Parameters.AddWithValue("$lang", language);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$entry", (object?)entryId ?? DBNull.Value);
        command.Parameters.AddWithValue("$conv", (object?)conversationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InboxItem>> OpenAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, question, language, kind, entry_id, conversation_id, at FROM inbox WHERE resolved_at IS NULL ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        var items = new List<InboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            items.Add(new InboxItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        return items;
    }

    public async Task ResolveAsync(IReadOnlyList<long> ids, string by, string resolution, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var id in ids)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE inbox SET resolved_at = $at, resolved_by = $by, resolution = $resolution WHERE id = $id AND resolved_at IS NULL";
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$by", by);
            command.Parameters.AddWithValue("$resolution", resolution);
            command.Parameters.AddWithValue("$id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady) await CreateSchemaAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady) return;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS inbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, question TEXT NOT NULL, language TEXT NOT NULL, kind TEXT NOT NULL,
                    entry_id TEXT NULL, conversation_id TEXT NULL, at TEXT NOT NULL,
                    resolved_at TEXT NULL, resolved_by TEXT NULL, resolution TEXT NULL);
                CREATE INDEX IF NOT EXISTS inbox_open ON inbox (resolved_at, id);
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        finally { _schemaLock.Release(); }
    }
}
