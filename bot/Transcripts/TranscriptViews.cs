using System.Text.Json.Nodes;

namespace ChatService.Transcripts;

/// <summary>One activity as the review screens get it: masked text, masked activity JSON, the bot's diagnostics.</summary>
public sealed record TranscriptActivityView(
    long Sequence,
    string ActivityId,
    string Direction,
    string Type,
    string? FromId,
    string? FromRole,
    DateTimeOffset RecordedAt,
    DateTimeOffset? Timestamp,
    string? Text,
    string? Route,
    JsonNode? Diagnostics,
    JsonNode? Activity)
{
    public static TranscriptActivityView From(TranscriptEntry entry) => new(
        entry.Sequence, entry.ActivityId, entry.Direction == TranscriptDirection.Inbound ? "inbound" : "outbound",
        entry.ActivityType, entry.FromId, entry.FromRole, entry.RecordedAt, entry.ActivityTimestamp, entry.MaskedText,
        entry.Route, entry.DiagnosticsJson is null ? null : JsonNode.Parse(entry.DiagnosticsJson), JsonNode.Parse(entry.MaskedActivityJson));
}

/// <summary>A conversation's masked transcript, in recorded order.</summary>
public sealed record ConversationTranscript(string ConversationId, IReadOnlyList<TranscriptActivityView> Activities);

/// <summary>An unmasked original (admin only); <see cref="Error"/> says why a row could not be opened.</summary>
public sealed record OriginalActivityView(long Sequence, string ActivityId, JsonNode? Activity, string? Error);

/// <summary>A conversation's unmasked originals (admin only).</summary>
public sealed record ConversationOriginals(string ConversationId, IReadOnlyList<OriginalActivityView> Activities);
