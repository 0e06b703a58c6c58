namespace ChatService.Transcripts.Sqlite;

/// <summary>
/// Every SQL statement of the SQLite transcript store, in one place (a PostgreSQL store gets its own file like
/// this). Times are stored as fixed-width ISO-8601 UTC text, so text order is time order.
/// </summary>
internal static class TranscriptSql
{
    /// <summary>Migrations by target <c>PRAGMA user_version</c>; each runs once, in its own transaction.</summary>
    public static readonly (int Version, string Sql)[] Migrations =
    [
        (1, """
            CREATE TABLE transcript_activities (
                seq                INTEGER PRIMARY KEY AUTOINCREMENT,
                conversation_id    TEXT NOT NULL,
                channel_id         TEXT NOT NULL,
                activity_id        TEXT NOT NULL,
                direction          TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
                activity_type      TEXT NOT NULL,
                from_id            TEXT,
                from_role          TEXT,
                recorded_at        TEXT NOT NULL,
                activity_timestamp TEXT,
                text_masked        TEXT,
                activity_json      TEXT NOT NULL CHECK (json_valid(activity_json)),
                diagnostics_json   TEXT CHECK (diagnostics_json IS NULL OR json_valid(diagnostics_json)),
                original_encrypted BLOB
            );
            CREATE INDEX ix_transcript_activities_conversation ON transcript_activities (conversation_id, seq);
            CREATE INDEX ix_transcript_activities_recorded ON transcript_activities (recorded_at);
            CREATE INDEX ix_transcript_activities_intent ON transcript_activities (json_extract(diagnostics_json, '$.intent'));
            CREATE TABLE transcript_conversations (
                conversation_id    TEXT PRIMARY KEY,
                channel_id         TEXT NOT NULL,
                first_at           TEXT NOT NULL,
                last_at            TEXT NOT NULL,
                activity_count     INTEGER NOT NULL,
                user_message_count INTEGER NOT NULL,
                bot_message_count  INTEGER NOT NULL,
                last_route         TEXT
            );
            CREATE INDEX ix_transcript_conversations_last ON transcript_conversations (last_at DESC, conversation_id DESC);
            CREATE TABLE transcript_health (id INTEGER PRIMARY KEY CHECK (id = 1), probed_at TEXT NOT NULL);
            """),
    ];

    public const string InsertActivity = """
        INSERT INTO transcript_activities (conversation_id, channel_id, activity_id, direction, activity_type, from_id,
            from_role, recorded_at, activity_timestamp, text_masked, activity_json, diagnostics_json, original_encrypted)
        VALUES ($conversation_id, $channel_id, $activity_id, $direction, $activity_type, $from_id,
            $from_role, $recorded_at, $activity_timestamp, $text_masked, $activity_json, $diagnostics_json, $original_encrypted)
        """;

    public const string UpsertConversation = """
        INSERT INTO transcript_conversations (conversation_id, channel_id, first_at, last_at, activity_count,
            user_message_count, bot_message_count, last_route)
        VALUES ($conversation_id, $channel_id, $recorded_at, $recorded_at, 1, $user_message, $bot_message, $route)
        ON CONFLICT (conversation_id) DO UPDATE SET
            first_at = min(first_at, excluded.first_at),
            last_at = max(last_at, excluded.last_at),
            activity_count = activity_count + 1,
            user_message_count = user_message_count + excluded.user_message_count,
            bot_message_count = bot_message_count + excluded.bot_message_count,
            last_route = coalesce(excluded.last_route, last_route)
        """;

    // Keyset pagination: (last_at, conversation_id) strictly after the cursor, newest first.
    public const string ListConversations = """
        SELECT conversation_id, channel_id, first_at, last_at, activity_count, user_message_count, bot_message_count, last_route
        FROM transcript_conversations
        WHERE ($from IS NULL OR last_at >= $from)
          AND ($to IS NULL OR first_at <= $to)
          AND ($channel IS NULL OR channel_id = $channel)
          AND ($cursor_at IS NULL OR last_at < $cursor_at OR (last_at = $cursor_at AND conversation_id < $cursor_id))
        ORDER BY last_at DESC, conversation_id DESC
        LIMIT $limit
        """;

    public const string GetConversation = """
        SELECT seq, conversation_id, channel_id, activity_id, direction, activity_type, from_id, from_role, recorded_at,
               activity_timestamp, text_masked, activity_json, diagnostics_json, original_encrypted,
               json_extract(diagnostics_json, '$.route')
        FROM transcript_activities
        WHERE conversation_id = $conversation_id
        ORDER BY seq
        """;

    public const string Probe = "INSERT INTO transcript_health (id, probed_at) VALUES (1, $at) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at";
}
