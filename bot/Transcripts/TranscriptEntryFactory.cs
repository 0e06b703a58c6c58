using System.Text;
using System.Text.Json;
using ChatService.Channels.Protocol;
using ChatService.Transcripts.Masking;

namespace ChatService.Transcripts;

/// <summary>
/// Turns a live activity into what is stored: a masked deep copy, the columns review filters on, and
/// (only when a key is configured) the encrypted original. Never mutates the live activity.
/// </summary>
public sealed class TranscriptEntryFactory(PiiMasker masker, TranscriptEncryption? encryption, TimeProvider clock)
{
    private readonly ActivityJsonMasker _jsonMasker = new(masker);

    public TranscriptEntry Create(Activity activity, TranscriptDirection direction)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
            throw new ArgumentException("A transcript activity needs conversation.id.", nameof(activity));
        var originalJson = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        // As the Bot Framework transcript logger does: an activity without id gets g_<guid>, and an inbound
        // activity without from.role came from the user.
        var activityId = string.IsNullOrEmpty(activity.Id) ? $"g_{Guid.NewGuid():N}" : activity.Id;
        var fromRole = activity.From?.Role;
        string? setRole = null;
        if (string.IsNullOrEmpty(fromRole) && direction == TranscriptDirection.Inbound && activity.From is not null)
            setRole = fromRole = RoleTypes.User;
        var masked = _jsonMasker.Mask(originalJson, activityId, setRole);
        return new TranscriptEntry
        {
            ConversationId = conversationId,
            ChannelId = activity.ChannelId ?? "",
            ActivityId = activityId,
            Direction = direction,
            ActivityType = activity.Type ?? "",
            FromId = activity.From?.Id,
            FromRole = fromRole,
            RecordedAt = clock.GetUtcNow(),
            ActivityTimestamp = activity.Timestamp,
            MaskedText = masked.Text,
            MaskedActivityJson = masked.Json,
            DiagnosticsJson = masked.DiagnosticsJson,
            Route = masked.Route,
            EncryptedOriginal = encryption?.Encrypt(Encoding.UTF8.GetString(originalJson), conversationId),
        };
    }
}
