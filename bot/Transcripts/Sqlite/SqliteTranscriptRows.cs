using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChatService.Transcripts.Sqlite;

/// <summary>Maps entries to SQLite parameters and rows back to entries and summaries.</summary>
internal static class SqliteTranscriptRows
{
    public static readonly string[] ActivityParameters =
    [
        "$conversation_id", "$channel_id", "$activity_id", "$direction", "$activity_type", "$from_id", "$from_role",
        "$recorded_at", "$activity_timestamp", "$text_masked", "$activity_json", "$diagnostics_json", "$original_encrypted",
    ];

    public static readonly string[] ConversationParameters =
        ["$conversation_id", "$channel_id", "$recorded_at", "$user_message", "$bot_message", "$route"];

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Direction(TranscriptDirection direction) =>
        direction == TranscriptDirection.Inbound ? "inbound" : "outbound";

    public static void BindActivity(SqliteCommand command, TranscriptEntry entry)
    {
        var p = command.Parameters;
        p["$conversation_id"].Value = entry.ConversationId;
        p["$channel_id"].Value = entry.ChannelId;
        p["$activity_id"].Value = entry.ActivityId;
        p["$direction"].Value = Direction(entry.Direction);
        p["$activity_type"].Value = entry.ActivityType;
        p["$from_id"].Value = (object?)entry.FromId ?? DBNull.Value;
        p["$from_role"].Value = (object?)entry.FromRole ?? DBNull.Value;
        p["$recorded_at"].Value = Time(entry.RecordedAt);
        p["$activity_timestamp"].Value = entry.ActivityTimestamp is { } ts ? Time(ts) : DBNull.Value;
        p["$text_masked"].Value = (object?)entry.MaskedText ?? DBNull.Value;
        p["$activity_json"].Value = entry.MaskedActivityJson;
        p["$diagnostics_json"].Value = (object?)entry.DiagnosticsJson ?? DBNull.Value;
        p["$original_encrypted"].Value = (object?)entry.EncryptedOriginal ?? DBNull.Value;
    }

    public static void BindConversation(SqliteCommand command, TranscriptEntry entry)
    {
        var p = command.Parameters;
        var isMessage = entry.ActivityType == Channels.Protocol.ActivityTypes.Message;
        p["$conversation_id"].Value = entry.ConversationId;
        p["$channel_id"].Value = entry.ChannelId;
        p["$recorded_at"].Value = Time(entry.RecordedAt);
        p["$user_message"].Value = isMessage && entry.Direction == TranscriptDirection.Inbound ? 1 : 0;
        p["$bot_message"].Value = isMessage && entry.Direction == TranscriptDirection.Outbound ? 1 : 0;
        p["$route"].Value = (object?)entry.Route ?? DBNull.Value;
    }

    public static TranscriptEntry ReadEntry(SqliteDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        ConversationId = r.GetString(1),
        ChannelId = r.GetString(2),
        ActivityId = r.GetString(3),
        Direction = r.GetString(4) == "inbound" ? TranscriptDirection.Inbound : TranscriptDirection.Outbound,
        ActivityType = r.GetString(5),
        FromId = r.IsDBNull(6) ? null : r.GetString(6),
        FromRole = r.IsDBNull(7) ? null : r.GetString(7),
        RecordedAt = ParseTime(r.GetString(8)),
        ActivityTimestamp = r.IsDBNull(9) ? null : ParseTime(r.GetString(9)),
        MaskedText = r.IsDBNull(10) ? null : r.GetString(10),
        MaskedActivityJson = r.GetString(11),
        DiagnosticsJson = r.IsDBNull(12) ? null : r.GetString(12),
        EncryptedOriginal = r.IsDBNull(13) ? null : (byte[])r.GetValue(13),
        Route = r.IsDBNull(14) ? null : r.GetValue(14) as string,
    };

    public static ConversationSummary ReadSummary(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseTime(r.GetString(2)), ParseTime(r.GetString(3)),
        r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7));
}
