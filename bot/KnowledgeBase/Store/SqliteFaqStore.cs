using System.Text.Json;
using ChatService.KnowledgeBase.Content;
using Microsoft.Data.Sqlite;

namespace ChatService.KnowledgeBase.Store;

/// <summary>
/// The knowledge base in one SQLite file. Several service instances on one machine may share the file: writes take
/// an immediate transaction (one writer at a time) and check the entry's version inside it, so nothing is lost.
/// </summary>
public sealed partial class SqliteFaqStore(string path) : IFaqStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();

    public async Task<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, Schema, cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM entries";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) == 0;
    }

    public async Task<IReadOnlyList<StoredEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadEntriesAsync(connection, null, null, cancellationToken);
    }

    public async Task<StoredEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (await ReadEntriesAsync(connection, null, id, cancellationToken)).FirstOrDefault();
    }

    public async Task<long> PublishNumberAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(number), 0) FROM publishes";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<StoredEntry>> ReadEntriesAsync(SqliteConnection connection, SqliteTransaction? transaction, string? id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT working, published, last_author FROM entries" + (id is null ? " ORDER BY id" : " WHERE id = $id");
        if (id is not null) command.Parameters.AddWithValue("$id", id);
        var entries = new List<StoredEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new StoredEntry(
                Deserialize(reader.GetString(0)),
                reader.IsDBNull(1) ? null : Deserialize(reader.GetString(1)),
                reader.GetString(2)));
        return entries;
    }

    private static FaqEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<FaqEntry>(json, FaqJson.Options) ?? throw new InvalidDataException("empty entry row");

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, FaqJson.Options);

    // WAL lets readers (the other instances' reloads) proceed while an editor writes.
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS entries (
            id TEXT PRIMARY KEY, version INTEGER NOT NULL, status TEXT NOT NULL, category TEXT NOT NULL,
            last_author TEXT NOT NULL, working TEXT NOT NULL, published TEXT NULL);
        CREATE TABLE IF NOT EXISTS versions (
            entry_id TEXT NOT NULL, version INTEGER NOT NULL, entry TEXT NOT NULL, action TEXT NOT NULL,
            by TEXT NOT NULL, at TEXT NOT NULL, published INTEGER NOT NULL, PRIMARY KEY (entry_id, version));
        CREATE TABLE IF NOT EXISTS audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, entry_id TEXT NOT NULL, action TEXT NOT NULL, by TEXT NOT NULL,
            at TEXT NOT NULL, version INTEGER NOT NULL, diff TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_entry ON audit (entry_id, seq);
        CREATE TABLE IF NOT EXISTS publishes (number INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, snapshot TEXT NOT NULL);
        """;
}
