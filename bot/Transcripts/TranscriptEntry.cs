namespace ChatService.Transcripts;

/// <summary>
/// One stored activity, as review sees it: masked text and JSON, plus the routing diagnostics the bot put in
/// <c>channelData.chatservice</c>. <see cref="EncryptedOriginal"/> holds the unmasked activity only when an
/// encryption key is configured.
/// </summary>
public sealed record TranscriptEntry
{
    public long Sequence { get; init; }
    public required string ConversationId { get; init; }
    public required string ChannelId { get; init; }
    public required string ActivityId { get; init; }
    public required TranscriptDirection Direction { get; init; }
    public required string ActivityType { get; init; }
    public string? FromId { get; init; }
    public string? FromRole { get; init; }
    /// <summary>When the service recorded it (server clock, UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
    /// <summary>The activity's own <c>timestamp</c>, as the channel or bot set it.</summary>
    public DateTimeOffset? ActivityTimestamp { get; init; }
    public string? MaskedText { get; init; }
    public required string MaskedActivityJson { get; init; }
    /// <summary>The masked <c>channelData.chatservice</c> object (language, intent, confidence, route, entities, faqId…).</summary>
    public string? DiagnosticsJson { get; init; }
    public string? Route { get; init; }
    public byte[]? EncryptedOriginal { get; init; }
}
