using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ChatService.KnowledgeBase.Store;

public sealed partial class SqliteFaqStore
{
    public async Task<long> WriteAsync(IReadOnlyList<FaqEntryWrite> writes, bool publish, CancellationToken cancellationToken = default)
    {
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        await using var connection = await OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: the version checks below and the writes happen under one write lock.
        await using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var write in writes)
        {
            var current = (await ReadEntriesAsync(connection, transaction, write.Entry.Id, cancellationToken)).FirstOrDefault();
            if ((current?.Version ?? 0) != write.ExpectedVersion) throw new FaqVersionConflictException(write.Entry.Id, current);
            var entry = write.Entry;
            await ExecuteAsync(connection, transaction, """
                INSERT INTO entries (id, version, status, category, last_author, working, published)
                VALUES ($id, $version, $status, $category, $author, $working, $published)
                ON CONFLICT (id) DO UPDATE SET version = $version, status = $status, category = $category,
                    last_author = $author, working = $working, published = $published
                """, cancellationToken,
                ("$id", entry.Id), ("$version", entry.Version), ("$status", entry.Working.Status), ("$category", entry.Working.Category),
                ("$author", entry.LastAuthor), ("$working", Serialize(entry.Working)),
                ("$published", entry.Published is null ? null : Serialize(entry.Published)));
            await ExecuteAsync(connection, transaction, """
                INSERT OR REPLACE INTO versions (entry_id, version, entry, action, by, at, published)
                VALUES ($id, $version, $entry, $action, $by, $at, $published)
                """, cancellationToken,
                ("$id", entry.Id), ("$version", entry.Version), ("$entry", Serialize(entry.Working)), ("$action", write.Action),
                ("$by", write.By), ("$at", at), ("$published", entry.Published?.Version == entry.Version ? 1 : 0));
            await ExecuteAsync(connection, transaction, """
                INSERT INTO audit (entry_id, action, by, at, version, diff) VALUES ($id, $action, $by, $at, $version, $diff)
                """, cancellationToken,
                ("$id", entry.Id), ("$action", write.Action), ("$by", write.By), ("$at", at), ("$version", entry.Version), ("$diff", Serialize(write.Diff)));
        }
        var number = await PublishNumberAsync(connection, transaction, cancellationToken);
        if (publish)
        {
            number++;
            var snapshot = "[" + string.Join(",", (await ReadEntriesAsync(connection, transaction, null, cancellationToken))
                .Where(e => e.Published is not null).Select(e => Serialize(e.Published))) + "]";
            await ExecuteAsync(connection, transaction, "INSERT INTO publishes (number, at, by, snapshot) VALUES ($n, $at, $by, $snapshot)",
                cancellationToken, ("$n", number), ("$at", at), ("$by", writes.Count > 0 ? writes[0].By : "system"), ("$snapshot", snapshot));
        }
        await transaction.CommitAsync(cancellationToken);
        return number;
    }

    public async Task<IReadOnlyList<FaqEntryVersion>> HistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry, action, by, at, published FROM versions WHERE entry_id = $id ORDER BY version";
        command.Parameters.AddWithValue("$id", id);
        var versions = new List<FaqEntryVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            versions.Add(new FaqEntryVersion(Deserialize(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.GetInt64(4) == 1));
        return versions;
    }

    public async Task<IReadOnlyList<FaqAuditRecord>> AuditAsync(FaqAuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, entry_id, action, by, at, version, diff FROM audit
            WHERE ($id IS NULL OR entry_id = $id) AND ($by IS NULL OR by = $by) AND ($action IS NULL OR action = $action)
              AND ($since IS NULL OR at >= $since)
            ORDER BY seq DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$id", (object?)query.EntryId ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", (object?)query.By ?? DBNull.Value);
        command.Parameters.AddWithValue("$action", (object?)query.Action ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", (object?)query.Since?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 1000));
        var records = new List<FaqAuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            records.Add(new FaqAuditRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture), reader.GetInt32(5),
                JsonSerializer.Deserialize<List<FaqFieldChange>>(reader.GetString(6), FaqJson.Options) ?? []));
        return records;
    }

    public async Task<IReadOnlyList<FaqPublish>> PublishesAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, by, at, json_array_length(snapshot) FROM publishes ORDER BY number DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
        var publishes = new List<FaqPublish>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            publishes.Add(new FaqPublish(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture), reader.GetInt32(3)));
        return publishes;
    }

    private static async Task<long> PublishNumberAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(number), 0) FROM publishes";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
